namespace Nacre.Bench.DotNet;

/// <summary>The arguments, spelled as the kernel benchmark image's: samples=N warmup=N only=a,b list.</summary>
public sealed record Options(int Samples, int Warmup, string Only, bool List)
{
    public static Options Parse(IEnumerable<string> args)
    {
        int samples = 1000, warmup = 100;
        string only = "";
        bool list = false;
        foreach (var arg in args)
        {
            var eq = arg.IndexOf('=');
            var (key, value) = eq < 0 ? (arg, "") : (arg[..eq], arg[(eq + 1)..]);
            switch (key)
            {
                case "samples": samples = Number(key, value, 1); break;
                case "warmup": warmup = Number(key, value, 0); break;
                case "only": only = value; break;
                case "list": list = true; break;
                default: throw new ArgumentException($"unknown argument '{arg}' (samples=N warmup=N only=a,b list)");
            }
        }
        return new Options(samples, warmup, only, list);
    }

    private static int Number(string key, string value, int min) =>
        int.TryParse(value, out var n) && n >= min && n <= 1_000_000 ? n : throw new ArgumentException($"{key} must be a number from {min} to 1000000, got '{value}'");

    public bool Selects(string name) =>
        Only.Length == 0 || Only.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(p => name.StartsWith(p, StringComparison.Ordinal));

    /// <summary>
    /// Samples for a benchmark whose one sample costs milliseconds: 1/divisor of the count asked
    /// for, but never fewer than min(asked, 10), so a quick run stays quick and a full one stays fair.
    /// </summary>
    public int Scaled(int divisor) => Math.Max(Samples / divisor, Math.Min(Samples, 10));

    public int WarmupScaled(int divisor) => Math.Min(Warmup, Math.Max(Warmup / divisor, 2));
}
