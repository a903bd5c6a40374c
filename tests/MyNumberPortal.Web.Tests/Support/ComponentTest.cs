using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace MyNumberPortal.Web.Tests.Support;

/// <summary>
/// A bunit test context for the portal's components: renders a component in a chosen language (the pages' text follows
/// the current UI culture). <see cref="RenderPage{TComponent}"/> also gives the rendering as a page (an HTML document of
/// bunit's markup), for tests that read a whole component the way a browser would (ids, sections, labels).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Renders <typeparamref name="TComponent"/> with the culture of <paramref name="language"/> (ja or en).</summary>
    protected IRenderedComponent<TComponent> RenderIn<TComponent>(string language, Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            return Render(parameters);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    /// <summary>Renders with bunit in <paramref name="language"/> and returns the markup as a document.</summary>
    protected IHtmlDocument RenderPage<TComponent>(string language, Action<ComponentParameterCollectionBuilder<TComponent>> parameters)
        where TComponent : IComponent =>
        Parser.ParseDocument(RenderIn(language, parameters).Markup);
}
