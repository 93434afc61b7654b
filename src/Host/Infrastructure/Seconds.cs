using System.Globalization;

namespace Nacre.Host.Infrastructure;

/// <summary>Formats durations the same way everywhere ("0.42 s"), independent of culture.</summary>
public static class Seconds
{
    public static string Format(TimeSpan elapsed) =>
        elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
