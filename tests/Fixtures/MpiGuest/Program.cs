using System;
using Nacre;
using Nacre.MpiUpcalls;
using Thread = Nacre.Threads.Thread;

/// <summary>
/// mpiguest check: every call of Nacre.Mpi between the ranks, each result compared with what it
/// must be, then argument errors caught by the HRT's library and by the host's service.
/// mpiguest panic R / exit R C: rank R panics (or returns C) while the others wait in a Recv
/// from it that can never finish: the run must still end, with a failure.
/// </summary>
public static unsafe class Program
{
    private static int s_failures;

    public static int Main(string[] args)
    {
        string which = args.Length > 0 ? args[0] : "check";
        Mpi.Init();
        int rank = Mpi.Rank, size = Mpi.Size;
        Console.WriteLine($"mpiguest: rank {rank} of {size}, case {which}");
        if (which == "panic" || which == "exit") return Fail(which, args.Length > 1 ? int.Parse(args[1]) : 1, args.Length > 2 ? int.Parse(args[2]) : 3);
        if (size < 2) { Console.WriteLine("mpiguest: needs at least 2 ranks"); return 2; }

        PointToPoint(rank, size);
        Collectives(rank, size);
        BlockingLetsOthersRun(rank);
        LibraryRejects(rank, size);
        ServiceRejects(rank, size);
        Truncation(rank);
        Mpi.Barrier();
        Console.WriteLine(s_failures == 0 ? $"mpiguest: rank {rank} PASSED" : $"mpiguest: rank {rank} FAILED {s_failures} checks");
        return s_failures == 0 ? 0 : 1;
    }

    private static void Expect(bool ok, string what)
    {
        if (ok) return;
        s_failures++;
        Console.WriteLine($"mpiguest: rank {Mpi.Rank}: FAILED {what}");
    }

    /// <summary>A ring: everyone Isends to the next rank and Irecvs from the previous one; then a 4 MiB ping-pong between 0 and 1.</summary>
    private static void PointToPoint(int rank, int size)
    {
        const int n = 1000;
        long* out_ = Mpi.Alloc<long>(n), in_ = Mpi.Alloc<long>(n);
        for (int i = 0; i < n; i++) out_[i] = rank * 100_000L + i;
        int next = (rank + 1) % size, previous = (rank + size - 1) % size;
        MpiRequest receive = Mpi.Irecv(in_, n * 8, previous, 7);
        MpiRequest send = Mpi.Isend(out_, n * 8, next, 7);
        Expect(Mpi.Wait(ref send) == 0, "Isend's Wait returns 0");
        Expect(Mpi.Wait(ref receive, MpiWait.Poll) == n * 8, "Irecv's Wait returns the bytes received");
        bool same = true;
        for (int i = 0; i < n; i++) same &= in_[i] == previous * 100_000L + i;
        Expect(same, "the ring delivered the previous rank's data");

        const int big = 4 << 20;
        byte* buffer = Mpi.Alloc<byte>(big);
        if (rank == 0)
        {
            for (int i = 0; i < big; i++) buffer[i] = (byte)(i * 7);
            Mpi.Send(buffer, big, 1, 1);
            long got = Mpi.Recv(buffer, big, 1, 2);
            bool echoed = got == big;
            for (int i = 0; i < big && echoed; i++) echoed = buffer[i] == (byte)(i * 7 + 1);
            Expect(echoed, "4 MiB came back from rank 1, each byte plus one");
        }
        else if (rank == 1)
        {
            Expect(Mpi.Recv(buffer, big, -1, -1) == big, "4 MiB received from any source, any tag");
            for (int i = 0; i < big; i++) buffer[i]++;
            Mpi.Send(buffer, big, 0, 2);
        }
        Console.WriteLine($"mpiguest: rank {rank}: point-to-point done");
    }

    private static void Collectives(int rank, int size)
    {
        Mpi.Barrier();
        long* word = Mpi.Alloc<long>(4);
        if (rank == size - 1) { word[0] = 0x1234_5678_9ABCL; word[1] = -5; }
        Mpi.Bcast(word, 16, size - 1);
        Expect(word[0] == 0x1234_5678_9ABCL && word[1] == -5, "Bcast from the last rank");

        double* d = Mpi.Alloc<double>(3), dr = Mpi.Alloc<double>(3);
        d[0] = rank + 0.5; d[1] = -rank; d[2] = rank * rank;
        Mpi.Allreduce(d, dr, 3, MpiOp.Sum);
        double sum = 0, squares = 0;
        for (int r = 0; r < size; r++) { sum += r + 0.5; squares += r * r; }
        Expect(dr[0] == sum && dr[2] == squares, "Allreduce sum of doubles");
        Mpi.Allreduce(d, d, 3, MpiOp.Min);
        Expect(d[0] == 0.5 && d[1] == -(size - 1) && d[2] == 0, "Allreduce min of doubles, in place");
        long* l = Mpi.Alloc<long>(2), lr = Mpi.Alloc<long>(2);
        l[0] = rank; l[1] = 1L << 40 | (long)rank;
        Mpi.Allreduce(l, lr, 2, MpiOp.Max);
        Expect(lr[0] == size - 1 && lr[1] == (1L << 40 | (long)(size - 1)), "Allreduce max of longs");
        Mpi.Allreduce(l, lr, 2, MpiOp.Sum);
        Expect(lr[0] == (long)size * (size - 1) / 2, "Allreduce sum of longs");

        long* send = Mpi.Alloc<long>(size * 2), receive = Mpi.Alloc<long>(size * 2);
        for (int j = 0; j < size; j++) { send[2 * j] = rank * 1000 + j; send[2 * j + 1] = -j; }
        Mpi.Alltoall(send, receive, 16);
        bool ok = true;
        for (int j = 0; j < size; j++) ok &= receive[2 * j] == j * 1000 + rank && receive[2 * j + 1] == -rank;
        Expect(ok, "Alltoall");
        Console.WriteLine($"mpiguest: rank {rank}: collectives done");
    }

    private static long s_counter;
    private static volatile bool s_stop;

    /// <summary>While the boot thread blocks in a Recv that rank 1 answers late, another thread on the same CPU counts.</summary>
    private static void BlockingLetsOthersRun(int rank)
    {
        if (rank > 1) return;
        long* token = Mpi.Alloc<long>(1);
        if (rank == 1)
        {
            ulong until = Nacre.Arch.X64.Processor.ReadTimestamp() + 50_000_000;   // some 20 ms
            while (Nacre.Arch.X64.Processor.ReadTimestamp() < until) { }
            *token = 99;
            Mpi.Send(token, 8, 0, 3);
            return;
        }
        Thread.Launch(() => { while (!s_stop) { s_counter++; Thread.Yield(); } }, 0);
        Mpi.Recv(token, 8, 1, 3);
        s_stop = true;
        Expect(*token == 99 && s_counter > 0, $"another thread ran while Recv blocked (it counted {s_counter})");
    }

    private static void LibraryRejects(int rank, int size)
    {
        long* arena = Mpi.Alloc<long>(8);
        long* onStack = stackalloc long[1];
        Rejects(MpiStatus.RankOutOfRange, "rank", () => Mpi.Send(arena, 8, size, 0));
        Rejects(MpiStatus.RankOutOfRange, "rank", () => Mpi.Bcast(arena, 8, -1));
        Rejects(MpiStatus.BufferOutsideArena, "outside the arena", () => Mpi.Send(onStack, 8, 0, 0));
        Rejects(MpiStatus.BadCount, "count", () => Mpi.Allreduce((double*)arena, (double*)arena, -1, MpiOp.Sum));
        Rejects(MpiStatus.BadTag, "tag", () => Mpi.Send(arena, 8, 0, -1));
        Rejects(MpiStatus.BadOperation, "not active", () => { var r = default(MpiRequest); Mpi.Wait(ref r); });
    }

    /// <summary>The same mistakes posted straight into the page, past the library's checks: the host refuses them.</summary>
    private static void ServiceRejects(int rank, int size)
    {
        long* arena = Mpi.Alloc<long>(8);
        long* onStack = stackalloc long[1];
        Rejects(MpiStatus.RankOutOfRange, "rank", () => UpcallClient.Wait(UpcallClient.Post(UpcallOp.Send, MpiType.Byte, MpiOp.Sum, size + 3, 0, arena, null, 8), MpiWait.Block));
        Rejects(MpiStatus.BufferOutsideArena, "outside the arena", () => UpcallClient.Wait(UpcallClient.Post(UpcallOp.Receive, MpiType.Byte, MpiOp.Sum, 0, 0, null, onStack, 8), MpiWait.Block));
        Rejects(MpiStatus.BadOperation, "operation", () => UpcallClient.Wait(UpcallClient.Post((UpcallOp)42, MpiType.Byte, MpiOp.Sum, 0, 0, arena, arena, 8), MpiWait.Block));
    }

    /// <summary>Rank 0 sends 16 bytes where rank 1 receives 8: MPI's truncation error reaches rank 1's caller.</summary>
    private static void Truncation(int rank)
    {
        long* two = Mpi.Alloc<long>(2);
        if (rank == 0) Mpi.Send(two, 16, 1, 9);
        if (rank == 1) Rejects(MpiStatus.MpiFailed, "TRUNCATE", () => Mpi.Recv(two, 8, 0, 9));
    }

    private static void Rejects(MpiStatus status, string text, Action call)
    {
        try
        {
            call();
            Expect(false, $"expected an MpiException ({text})");
        }
        catch (MpiException e)
        {
            Expect(e.Status == status && e.Message.Contains(text), $"expected {text}, got {e.Message}");
            if (Mpi.Rank == 0) Console.WriteLine($"mpiguest: rejected: {e.Message}");
        }
    }

    private static int Fail(string how, int who, int code)
    {
        long* token = Mpi.Alloc<long>(1);
        // Every rank has printed its first line before one fails: the abort that follows may end
        // the others at once, and the tests read rank 0's line.
        Mpi.Barrier();
        if (Mpi.Rank == who)
        {
            Console.WriteLine($"mpiguest: rank {who} fails ({how})");
            if (how == "panic") Environment.FailFast("mpiguest: this rank fails on purpose");
            return code;
        }
        Mpi.Recv(token, 8, who, 5);   // never sent
        return 0;
    }
}
