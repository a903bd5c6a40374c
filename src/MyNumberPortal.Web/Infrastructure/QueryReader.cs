using Microsoft.AspNetCore.Http;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Splits a guidance query string into its reserved parameters (applicant, date) and the answers,
/// rejecting repeated keys and over-long keys or values with a message naming the field.
/// </summary>
public sealed record QueryReader(string? Applicant, string? Date, Dictionary<string, string> Answers, Dictionary<string, string[]> Errors)
{
    public const int MaxLength = 64;

    /// <summary>A text cut to <see cref="MaxLength"/> characters (with "…"), for echoing back in messages.</summary>
    public static string Shorten(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";

    public static QueryReader Read(IQueryCollection query, IReadOnlyCollection<string> reserved)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? applicant = null, date = null;
        foreach (var (key, values) in query)
        {
            var field = Shorten(key);
            if (key.Length > MaxLength)
            {
                errors[field] = [$"Parameter names are at most {MaxLength} characters."];
                continue;
            }

            if (values.Count != 1)
            {
                errors[field] = ["Give this parameter once."];
                continue;
            }

            var value = values[0] ?? "";
            if (value.Length > MaxLength)
            {
                errors[field] = [$"Values are at most {MaxLength} characters."];
                continue;
            }

            switch (key)
            {
                case "applicant" when reserved.Contains("applicant"):
                    applicant = value;
                    break;
                case "date" when reserved.Contains("date"):
                    date = value;
                    break;
                default:
                    if (reserved.Contains("date"))
                    {
                        answers[key] = value;
                    }
                    else
                    {
                        errors[field] = ["Unknown parameter."];
                    }

                    break;
            }
        }

        return new QueryReader(applicant, date, answers, errors);
    }
}
