using Microsoft.AspNetCore.Components;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>Links within the page being shown.</summary>
public static class PageLinks
{
    /// <summary>
    /// A link to the element <paramref name="id"/> on this very page: the page's own path and query, then <c>#id</c>. Pages
    /// carry <c>&lt;base href="/"&gt;</c> (Blazor's scripts need it), against which a bare <c>#id</c> would mean the start
    /// page. Put <c>data-enhance-nav="false"</c> on such a link, so that the browser itself moves to the element (and the
    /// keyboard focus with it) rather than Blazor's enhanced navigation, which only scrolls.
    /// </summary>
    public static string SamePage(this NavigationManager navigation, string id)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        var here = navigation.ToBaseRelativePath(navigation.Uri);
        var hash = here.IndexOf('#', StringComparison.Ordinal);
        return "/" + (hash < 0 ? here : here[..hash]) + "#" + id;
    }
}
