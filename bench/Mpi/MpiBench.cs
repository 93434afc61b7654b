using System;
using Nacre;
using Nacre.Runtimes.Parallel;

/// <summary>
/// nacre bench mpi's measuring program, one source for an HRT and a Linux process, run on 2 ranks:
/// mpibench [reps] [block|poll]. Rank 0 times each ping-pong round trip (Send then Recv; rank 1
/// Recv then Send) for 8 B to 4 MiB, and each 8-byte Allreduce, and prints every sample:
/// "mpibench: pingpong bytes=B ns=a,b,…" (one way: half a round trip) and "mpibench: allreduce ns=…".
/// </summary>
public static unsafe class Program
{
    private const int MaxBytes = 4 << 20, Warmup = 10;
    private static readonly int[] Sizes = { 8, 64, 512, 4096, 32768, 262144, 1 << 20, 4 << 20 };

    public static int Main(string[] args)
    {
        Mpi.Init();
        int reps = args.Length > 0 ? int.Parse(args[0]) : 200;
        if (args.Length > 1 && args[1] == "poll") Mpi.DefaultWait = MpiWait.Poll;
        if (Mpi.Size != 2) { Console.WriteLine($"mpibench: needs 2 ranks, has {Mpi.Size}"); return 2; }
        Runtime.Start(1);
        int rank = Mpi.Rank;
        byte* buffer = Mpi.Alloc<byte>(MaxBytes);
        double* value = Mpi.Alloc<double>(2);
        long* samples = Mpi.Alloc<long>(reps);
        for (int k = 0; k < Sizes.Length; k++)
        {
            int bytes = Sizes[k];
            int count = bytes >= 1 << 20 ? Math.Max(5, reps / 10) : reps;
            for (int i = -Warmup; i < count; i++)
            {
                ulong start = Runtime.Cycles;
                if (rank == 0) { Mpi.Send(buffer, bytes, 1, 1); Mpi.Recv(buffer, bytes, 1, 2); }
                else { Mpi.Recv(buffer, bytes, 0, 1); Mpi.Send(buffer, bytes, 0, 2); }
                if (i >= 0) samples[i] = (long)Runtime.CyclesToNs(Runtime.Cycles - start) / 2;
            }
            if (rank == 0) Print($"pingpong bytes={bytes}", samples, count);
        }
        for (int i = -Warmup; i < reps; i++)
        {
            value[0] = rank;
            ulong start = Runtime.Cycles;
            Mpi.Allreduce(value, value + 1, 1, MpiOp.Sum);
            if (i >= 0) samples[i] = (long)Runtime.CyclesToNs(Runtime.Cycles - start);
        }
        if (rank == 0) Print("allreduce", samples, reps);
        Mpi.Barrier();
        Mpi.Finish();
        return 0;
    }

    private static void Print(string what, long* samples, int count)
    {
        string line = "mpibench: " + what + " ns=";
        for (int i = 0; i < count; i++) line += (i == 0 ? "" : ",") + samples[i].ToString();
        Console.WriteLine(line);
    }
}
