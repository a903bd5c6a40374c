namespace MyNumberPortal.Web.Infrastructure;

/// <summary>Today's date in Japan, from the injected <see cref="TimeProvider"/> (tests substitute a fixed one).</summary>
public sealed class PortalClock(TimeProvider time)
{
    /// <summary>Japan time (no daylight saving), for showing stored UTC times.</summary>
    public static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Japan);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}
