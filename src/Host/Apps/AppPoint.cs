namespace Nacre.Host.Apps;

/// <summary>One point: an app at a size on some CPUs, on one platform.</summary>
public sealed record AppPoint(string App, string Size, string Argument, string Platform, int Cpus, double MedianNs, double MinNs, ulong MedianCycles, int Runs, bool Passed, string Verification);
