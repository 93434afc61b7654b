using System;
using Nacre.Runtimes.Parallel;

namespace Nacre.Apps
{
    /// <summary>
    /// What every application shares: arguments, the start-up line, timing and verification output,
    /// and exact formatting of doubles (the same text on Linux and in an HRT, whatever each
    /// platform's own double formatting does).
    ///
    /// Output protocol (docs/runtime.md): one line "app: …" describing the run, "time: cycles=C ns=N",
    /// one or more "verify: …" lines that must be identical on every platform and worker count,
    /// and "result: PASSED" or "result: FAILED …". Exit code 0 when passed.
    /// </summary>
    public static unsafe partial class App
    {
        /// <summary>The HRT image given with --hvm (Linux only): solve in it, over the shared arena.</summary>
        public static string HvmImage { get; private set; }

        /// <summary>
        /// The size argument (the first, else fallback), the worker count (the second, else every
        /// CPU) and, on Linux, "--hvm image" anywhere: the problem is then built in the arena of
        /// that HRT, booted in the HVM, and solved there through its export (docs/runtime.md).
        /// </summary>
        public static void ParseArguments(string[] args, string fallbackSize, out string size, out int workers)
        {
            var positional = new System.Collections.Generic.List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--hvm" && i + 1 < args.Length) HvmImage = args[++i];
                else positional.Add(args[i]);
            }
            size = positional.Count > 0 ? positional[0] : fallbackSize;
            workers = positional.Count > 1 ? int.Parse(positional[1]) : Runtime.CpuCount;
            if (workers < 1 || workers > Runtime.CpuCount) workers = Runtime.CpuCount;
            s_workers = workers;
        }

        private static int s_workers;

        /// <summary>Starts this process's runtime: the solver's workers, or one worker for set-up when an HRT solves.</summary>
        public static void StartRuntime() => Runtime.Start(HvmImage == null ? s_workers : 1);

        /// <summary>Memory for a problem: fresh memory here, or the arena of the HRT that will solve it.</summary>
        public static partial Arena CreateArena(long bytes);

        /// <summary>Solves problem: local(problem) here, or the HRT's export over the arena.</summary>
        public static partial void Solve<T>(string export, delegate*<T*, void> local, T* problem) where T : unmanaged;

        /// <summary>Where the solve ran, for the app: line.</summary>
        public static string Where => HvmImage == null ? "here" : "hrt-invoke";

        /// <summary>
        /// True for the argument "serve": the HVM boots the HRT this way to call its exports
        /// (docs/runtime.md); the runtime starts, Main returns 0, and the kernel serves invokes.
        /// </summary>
        public static bool Serve(string[] args)
        {
            if (args.Length == 0 || args[0] != "serve") return false;
            Runtime.Start(args.Length > 1 ? int.Parse(args[1]) : 0);
            Console.WriteLine($"serving: {Runtime.Workers} workers");
            return true;
        }

        /// <summary>This process's MPI rank and the world's size: 0 and 1 unless started by mpirun.</summary>
        public static int Rank { get; private set; }
        public static int Ranks { get; private set; } = 1;
        private static bool s_mpi;

        /// <summary>Joins the MPI world when mpirun started this run (docs/mpi.md): an HRT with an
        /// MPI service attached, or a Linux process with Open MPI's environment.</summary>
        public static void StartMpi()
        {
            if (!LaunchedByMpirun()) return;
            if (HvmImage != null) { Console.WriteLine("app: --hvm and mpirun do not combine: run the HRT itself under mpirun (nacre run)"); Environment.Exit(2); }
            Mpi.Init();
            Rank = Mpi.Rank;
            Ranks = Mpi.Size;
            s_mpi = true;
        }

        private static partial bool LaunchedByMpirun();

        /// <summary>A line of the output protocol: rank 0 speaks for the run, the other ranks stay quiet.</summary>
        public static void Say(string line)
        {
            if (Rank == 0) Console.WriteLine(line);
        }

        /// <summary>" ranks=R" for the app: line of a run across ranks, else nothing.</summary>
        public static string RanksField => s_mpi ? $" ranks={Ranks}" : "";

        public static void PrintTime(ulong cycles)
        {
            Say($"time: cycles={cycles} ns={Runtime.CyclesToNs(cycles)}");
        }

        /// <summary>The run's last line; across ranks also the end of MPI for this rank.</summary>
        public static int PrintResult(bool passed, string reason)
        {
            Say(passed ? "result: PASSED" : "result: FAILED " + reason);
            if (s_mpi) Mpi.Finish();
            return passed ? 0 : 1;
        }

        public static unsafe string Hex(double value)
        {
            ulong bits = *(ulong*)&value;
            return $"0x{bits:X16}";
        }

        /// <summary>value in scientific notation with digits significant digits, computed with exact integer steps where it matters.</summary>
        public static string Sci(double value, int digits = 12)
        {
            if (double.IsNaN(value)) return "nan";
            if (value == 0.0) return "0";
            string sign = value < 0 ? "-" : "";
            double v = value < 0 ? -value : value;
            if (v > 1e308) return sign + "inf";
            int exponent = 0;
            while (v >= 10) { v /= 10; exponent++; }
            while (v < 1) { v *= 10; exponent--; }
            // v in [1, 10): take digits digits, rounded.
            long scaled = 0;
            double rest = v;
            for (int i = 0; i < digits; i++)
            {
                int d = (int)rest;
                scaled = scaled * 10 + d;
                rest = (rest - d) * 10;
            }
            if (rest >= 5) scaled++;
            string s = scaled.ToString();
            if (s.Length > digits) { s = s.Substring(0, digits); exponent++; }
            return sign + s.Substring(0, 1) + "." + s.Substring(1) + "e" + (exponent < 0 ? "-" : "+") + (exponent < 0 ? -exponent : exponent).ToString("D2");
        }
    }

    /// <summary>
    /// One block of memory that holds a whole problem: its descriptor and its arrays, bump
    /// allocated. In an HRT under the HVM this block is the arena the Linux process shares with
    /// the HRT (mapped at the same address on both sides), so a problem built by the process can be
    /// solved by the HRT in place; elsewhere it is memory from the runtime.
    /// </summary>
    public unsafe struct Arena
    {
        public byte* Base;
        public long Size;
        public long Used;

        public static Arena Create(long size) => new Arena { Base = (byte*)Runtime.Allocate((nuint)size), Size = size };

        public static Arena Over(byte* memory, long size) => new Arena { Base = memory, Size = size };

        /// <summary>count elements of T, 64-byte aligned (zero: arenas start zeroed and are never reused).</summary>
        public T* Allocate<T>(long count) where T : unmanaged
        {
            long start = (Used + 63) & ~63L;
            long end = start + count * sizeof(T);
            if (end > Size) Environment.FailFast("arena: out of memory");
            Used = end;
            return (T*)(Base + start);
        }
    }
}
