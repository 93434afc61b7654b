using System.Threading;
using Nacre.Runtimes.Parallel;
using Nacre.Testing;

public static unsafe class LoopTests
{
    private static Schedule[] Schedules() => new[]
    {
        Schedule.Static, Schedule.StaticChunks(1), Schedule.StaticChunks(7),
        Schedule.Dynamic(1), Schedule.Dynamic(13), Schedule.Guided(1), Schedule.Guided(5),
    };

    private struct Count : IForBody
    {
        public int* Hits;
        public int* Worker;
        public int Base;
        public void Run(int lo, int hi)
        {
            for (int i = lo; i < hi; i++)
            {
                Interlocked.Increment(ref Hits[i - Base]);
                Worker[i - Base] = Runtime.WorkerIndex;
            }
        }
    }

    private static void CheckCoverage(int lo, int hi, Schedule s)
    {
        int n = hi - lo;
        int* hits = (int*)Runtime.Allocate((nuint)(n + 1) * 4);
        int* worker = (int*)Runtime.Allocate((nuint)(n + 1) * 4);
        var body = new Count { Hits = hits, Worker = worker, Base = lo };
        Parallel.For(lo, hi, ref body, s);
        int wrong = 0, outside = 0;
        for (int i = 0; i < n; i++)
        {
            if (hits[i] != 1) wrong++;
            if (worker[i] < 0 || worker[i] >= Runtime.Workers) outside++;
        }
        Assert.Equal(0, wrong, $"indices not run exactly once ({lo}..{hi}, {s})");
        Assert.Equal(0, outside, $"indices run off the workers ({lo}..{hi}, {s})");
        Runtime.Free(hits);
        Runtime.Free(worker);
    }

    [Test]
    public static void EveryScheduleRunsEveryIndexExactlyOnce()
    {
        Runtime.Start();
        foreach (var s in Schedules())
        {
            CheckCoverage(0, 0, s);
            CheckCoverage(0, 1, s);
            CheckCoverage(5, 6, s);
            CheckCoverage(3, 1000, s);
            CheckCoverage(-50, 100_003, s);
        }
    }

    [Test]
    public static void DelegateLoopsCoverTheRange()
    {
        int n = 5000;
        int* hits = (int*)Runtime.Allocate((nuint)n * 4);
        Parallel.For(0, n, i => Interlocked.Increment(ref hits[i]), Schedule.Dynamic(64));
        Parallel.ForRange(0, n, (lo, hi) => { for (int i = lo; i < hi; i++) Interlocked.Increment(ref hits[i]); }, Schedule.Guided(3));
        int wrong = 0;
        for (int i = 0; i < n; i++) if (hits[i] != 2) wrong++;
        Assert.Equal(0, wrong);
    }

    private struct Inner : IForBody
    {
        public int* Hits;
        public int Row, Columns;
        public void Run(int lo, int hi) { for (int c = lo; c < hi; c++) Interlocked.Increment(ref Hits[Row * Columns + c]); }
    }

    private struct Outer : IForBody
    {
        public int* Hits;
        public int Columns;
        public void Run(int lo, int hi)
        {
            for (int r = lo; r < hi; r++)
            {
                var inner = new Inner { Hits = Hits, Row = r, Columns = Columns };
                Parallel.For(0, Columns, ref inner, Schedule.Dynamic(4));   // the team is busy: split with spawn
            }
        }
    }

    [Test]
    public static void NestedLoopsCoverTheirRanges()
    {
        int rows = 37, columns = 301;
        int* hits = (int*)Runtime.Allocate((nuint)(rows * columns) * 4);
        var outer = new Outer { Hits = hits, Columns = columns };
        Parallel.For(0, rows, ref outer, Schedule.Dynamic(1));
        int wrong = 0;
        for (int i = 0; i < rows * columns; i++) if (hits[i] != 1) wrong++;
        Assert.Equal(0, wrong);
    }

    private struct SumOfIndices : IReduceBody<long>
    {
        public long Identity => 0;
        public void Run(int lo, int hi, ref long acc) { for (int i = lo; i < hi; i++) acc += i; }
        public long Combine(long left, long right) => left + right;
    }

    private struct HarmonicSum : IReduceBody<double>
    {
        public double Identity => 0;
        public void Run(int lo, int hi, ref double acc) { for (int i = lo; i < hi; i++) acc += 1.0 / (i + 1.0); }
        public double Combine(double left, double right) => left + right;
    }

    private static long Bits(double d) => *(long*)&d;

    [Test]
    public static void ReductionsAreExactAndDeterministic()
    {
        var sum = new SumOfIndices();
        var harmonic = new HarmonicSum();
        int n = 1_000_003;
        long reference = Bits(Parallel.Reduce<HarmonicSum, double>(0, n, ref harmonic, Schedule.Static));
        foreach (var s in Schedules())
        {
            Assert.Equal((long)n * (n - 1) / 2, Parallel.Reduce<SumOfIndices, long>(0, n, ref sum, s), $"sum of indices, {s}");
            Assert.Equal(0L, Parallel.Reduce<SumOfIndices, long>(7, 7, ref sum, s), "empty range");
            Assert.Equal(10L, Parallel.Reduce<SumOfIndices, long>(10, 11, ref sum, s), "one index");
            Assert.Equal(reference, Bits(Parallel.Reduce<HarmonicSum, double>(0, n, ref harmonic, s)), $"harmonic bits, {s}");
        }
        // The same blocks folded serially, left to right: the bits a 1-CPU run gives.
        double serial = 0;
        for (int b = 0; b < Parallel.ReductionBlocks; b++)
        {
            double acc = 0;
            harmonic.Run((int)((long)n * b / Parallel.ReductionBlocks), (int)((long)n * (b + 1) / Parallel.ReductionBlocks), ref acc);
            serial += acc;
        }
        Assert.Equal(reference, Bits(serial), "parallel = serial block fold");
        Assert.True(Parallel.Sum(0, 100, i => i) == 4950.0);
    }

    private struct Phases : ISpmdBody
    {
        public int* Slots;
        public int* Errors;
        public void Run(int worker, int workers)
        {
            for (int phase = 1; phase <= 50; phase++)
            {
                Slots[worker] = phase;
                Parallel.Barrier();
                for (int w = 0; w < workers; w++) if (Volatile.Read(ref Slots[w]) < phase) Interlocked.Increment(ref *Errors);
                Parallel.Barrier();
            }
        }
    }

    [Test]
    public static void SpmdBarrierSeparatesPhases()
    {
        Runtime.Start();
        int* slots = (int*)Runtime.Allocate(64 * 4);
        int* errors = (int*)Runtime.Allocate(4);
        var body = new Phases { Slots = slots, Errors = errors };
        Parallel.Spmd(ref body);
        Assert.Equal(0, *errors);
        for (int w = 0; w < Runtime.Workers; w++) Assert.Equal(50, slots[w]);
    }

    private struct SlowOwner : IForBody
    {
        public int* Worker;
        public int* Delayed;
        public int ShareLo, ShareHi;
        public void Run(int lo, int hi)
        {
            int w = Runtime.WorkerIndex;
            if (w == 1 && lo >= ShareLo && lo < ShareHi && Interlocked.Exchange(ref *Delayed, 1) == 0)
            {
                ulong until = Runtime.Cycles + Runtime.CycleHz / 200;       // 5 ms: as if preempted
                while (Runtime.Cycles < until) Nacre.Cpus.Cpus.Pause();
            }
            for (int i = lo; i < hi; i++) Interlocked.Add(ref Worker[i], w + 1);
        }
    }

    /// <summary>A static share whose owner stalls is finished by the others (the back of it), each index still once.</summary>
    [Test]
    public static void OthersTakeTheRestOfAStalledStaticShare()
    {
        Runtime.Start();
        int workers = Runtime.Workers;
        if (workers < 2) { Assert.Equal(1, workers); return; }
        int n = 80_000;
        int* worker = (int*)Runtime.Allocate((nuint)n * 4);
        int* delayed = (int*)Runtime.Allocate(4);
        int lo = n / workers, hi = 2 * n / workers;   // worker 1's share
        var body = new SlowOwner { Worker = worker, Delayed = delayed, ShareLo = lo, ShareHi = hi };
        Runtime.Run(() =>
        {
            Parallel.Spmd((w, count) => { });       // every worker awake and spinning, none parked
            Parallel.For(0, n, ref body, Schedule.Static);
        });
        int wrong = 0, taken = 0;
        for (int i = 0; i < n; i++)
        {
            if (worker[i] < 1 || worker[i] > workers) wrong++;
            if (i >= lo && i < hi && worker[i] != 2) taken++;
        }
        Assert.Equal(0, wrong, "indices run more than once or not at all");
        // Under an emulator a vCPU may be descheduled so long that worker 1 turns up after the
        // grace period and the others took its whole share: then there was no stall to see.
        if (*delayed == 0) return;
        Assert.True(taken > 0, "the others took part of the stalled share");
        Assert.True(taken < hi - lo, "the owner kept the part it had started");
    }
}
