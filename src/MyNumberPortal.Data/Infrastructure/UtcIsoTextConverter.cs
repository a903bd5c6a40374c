using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MyNumberPortal.Data.Infrastructure;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> on SQLite as fixed-width UTC ISO 8601 text
/// (<c>2026-11-24T01:00:00.0000000Z</c>), so text order is time order and the database stays readable.
/// The offset is not kept: values come back in UTC (the same instant).
/// </summary>
public sealed class UtcIsoTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => DateTimeOffset.ParseExact(v, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
{
    /// <summary>The stored format (28 characters).</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
