using System.Text;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// The one check for every address the portal redirects to from something a request carried (the language switch's
/// <c>return</c>, the sign-in page's <c>returnUrl</c>, the admin pages' own paths): a path on this site, written so
/// that a browser cannot read it as another host, and so that it fits in a <c>Location</c> header.
/// </summary>
public static class LocalRedirect
{
    /// <summary>Longest address accepted as given (the request line is at most 8 KB anyway).</summary>
    public const int MaxLength = 2000;

    /// <summary>
    /// <paramref name="url"/> if it is a local path: it starts with one <c>/</c> (not <c>//</c>), and holds no backslash and
    /// no control character (browsers drop tabs and line breaks, so <c>/\t/evil.example</c> would become <c>//evil.example</c>).
    /// Characters outside ASCII (<c>é</c>, full-width or ideographic spaces) and spaces are percent-encoded as UTF-8, so the
    /// browser stays on this site and the header is valid. Anything else gives <paramref name="fallback"/>.
    /// </summary>
    public static string Or(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return fallback;
        }

        StringBuilder? encoded = null;
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsControl(c) || c == '\\' || char.IsLowSurrogate(c) || (char.IsHighSurrogate(c) && (i + 1 == url.Length || !char.IsLowSurrogate(url[i + 1]))))
            {
                return fallback;
            }

            if (c is > ' ' and < (char)0x7F)
            {
                encoded?.Append(c);
                continue;
            }

            encoded ??= new StringBuilder(url, 0, i, url.Length * 3);
            var length = char.IsHighSurrogate(c) ? 2 : 1;
            foreach (var b in Encoding.UTF8.GetBytes(url.Substring(i, length)))
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            i += length - 1;
        }

        return encoded?.ToString() ?? url;
    }
}
