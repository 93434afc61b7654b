using Nacre.Hvm;

// Boots the HRT in Nacre's HVM, fills an array in the arena and has the HRT sum it: the pointer
// passed to Invoke is a host pointer, valid unchanged inside the HRT.
//   dotnet run --project NacreApp.Host [image] [cpus]
unsafe
{
    string image = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "NacreApp.Hrt.elf");
    int cpus = args.Length > 1 ? int.Parse(args[1]) : 1;
    if (!File.Exists(image))
    {
        Console.Error.WriteLine($"no HRT image at {image}: build NacreApp.Hrt first");
        return 2;
    }
    if (!Hrt.IsKvmUsable(out string reason))
    {
        Console.Error.WriteLine($"the HVM needs a usable /dev/kvm: {reason}");
        return 2;
    }

    using var hrt = Hrt.Boot(image, new HrtOptions
    {
        Cpus = cpus,
        ArenaBytes = 2 * HrtOptions.MiB,
        ConsoleLine = line => Console.WriteLine($"[hrt] {line}"),
    });

    const int n = 1000;
    long* values = hrt.Arena.Alloc<long>(n);
    for (int i = 0; i < n; i++) values[i] = i + 1;
    long sum = hrt.Invoke("Sum", (long)values, n);
    Console.WriteLine($"Sum of 1..{n} in the HRT: {sum}");
    return sum == (long)n * (n + 1) / 2 ? 0 : 1;
}
