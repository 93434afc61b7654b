using System;
using Nacre.Hvm;

namespace Nacre.Apps
{
    /// <summary>
    /// On Linux a problem is solved by this process's runtime, or — with --hvm image — by that
    /// HRT booted in the HVM: the process builds the problem in the arena it shares with the HRT
    /// (same addresses on both sides) and calls the HRT's export on it; the results come back in
    /// the problem, which the process then checks with the same code as always.
    /// </summary>
    public static unsafe partial class App
    {
        private static Hrt s_hrt;
        private const long TwoMiB = 2 * HrtOptions.MiB;

        public static partial Arena CreateArena(long bytes)
        {
            if (HvmImage == null) return Arena.Create(bytes);
            if (s_hrt != null) Environment.FailFast("one HVM arena per run");
            s_hrt = Hrt.Boot(HvmImage, new HrtOptions
            {
                Cpus = s_workers,
                MemoryBytes = 256 * HrtOptions.MiB,
                ArenaBytes = (bytes + TwoMiB - 1) / TwoMiB * TwoMiB,
                Serve = true,
                CommandLine = "serve " + s_workers,
                ConsoleLine = line => Console.Error.WriteLine("hrt: " + line),
                BootTimeout = TimeSpan.FromSeconds(60),
                InvokeTimeout = TimeSpan.FromHours(1),
            });
            return Arena.Over(s_hrt.Arena.Base, s_hrt.Arena.Size);
        }

        private static partial bool LaunchedByMpirun() => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") != null;

        public static partial void Solve<T>(string export, delegate*<T*, void> local, T* problem) where T : unmanaged
        {
            if (s_hrt == null) local(problem);
            // A solve takes milliseconds to seconds: wait through InvokeAsync, whose poller backs
            // off to sleeping, rather than Invoke's spin, which would hold a core the HRT's vCPUs need.
            else s_hrt.InvokeAsync(export, (long)problem).GetAwaiter().GetResult();
        }
    }
}
