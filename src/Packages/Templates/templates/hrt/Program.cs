/// <summary>
/// Runs as a kernel: Main is called once the Aerokernel has brought up memory and every CPU, and
/// what it returns is the run's exit code.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.WriteLine($"Hello from NacreHrt on {Nacre.Cpus.Cpus.Count} CPU(s), {args.Length} argument(s)");
        return 0;
    }
}
