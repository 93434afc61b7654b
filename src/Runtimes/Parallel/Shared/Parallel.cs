using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>A loop body over a range of indices: Run(lo, hi) does indices lo .. hi-1.</summary>
    public interface IForBody
    {
        void Run(int lo, int hi);
    }

    /// <summary>
    /// A reduction: Run(lo, hi, ref acc) folds indices lo .. hi-1 into acc, which starts as
    /// Identity; Combine merges two partial results (associative; need not be commutative).
    /// </summary>
    public interface IReduceBody<T>
    {
        T Identity { get; }
        void Run(int lo, int hi, ref T accumulator);
        T Combine(T left, T right);
    }

    /// <summary>An SPMD body: Run(worker, workers) runs once on every worker at the same time.</summary>
    public interface ISpmdBody
    {
        void Run(int worker, int workers);
    }

    /// <summary>
    /// Data-parallel loops on the runtime's workers. Bodies are structs implementing IForBody /
    /// IReduceBody / ISpmdBody (the compiler specialises the loop for each, so the body inlines
    /// into it), or delegates for convenience (one closure per call, and a delegate call per index).
    /// Called from outside the runtime, a loop enters it (Runtime.Run) for its duration.
    /// <code>
    /// struct Axpy : IForBody { public double* X, Y; public double A;
    ///     public void Run(int lo, int hi) { for (int i = lo; i &lt; hi; i++) Y[i] += A * X[i]; } }
    /// var body = new Axpy { X = x, Y = y, A = 2 };
    /// Parallel.For(0, n, ref body, Schedule.Dynamic(1024));
    /// </code>
    /// Reductions are deterministic: the range is cut into at most ReductionBlocks blocks that
    /// depend only on the range, each block is folded separately, and the partials are combined
    /// left to right — the same bits whatever the schedule, the worker count or the platform.
    /// </summary>
    public static unsafe class Parallel
    {
        /// <summary>The number of blocks a reduction range is cut into (fewer for short ranges).</summary>
        public const int ReductionBlocks = 256;

        public static void For<TBody>(int lo, int hi, ref TBody body, Schedule schedule = default) where TBody : struct, IForBody
        {
            Loop l = default;
            l.Body = &ForInvoker<TBody>.Run;
            l.State = Unsafe.AsPointer(ref body);
            l.Lo = lo;
            l.Hi = hi;
            l.Kind = schedule.Kind;
            l.Chunk = schedule.Chunk;
            Start(&l);
        }

        /// <summary>body(i) for every i in [lo, hi).</summary>
        public static void For(int lo, int hi, Action<int> body, Schedule schedule = default)
        {
            var b = new IndexBody { Body = body };
            For(lo, hi, ref b, schedule);
        }

        /// <summary>body(start, end) over sub-ranges covering [lo, hi).</summary>
        public static void ForRange(int lo, int hi, Action<int, int> body, Schedule schedule = default)
        {
            var b = new RangeBody { Body = body };
            For(lo, hi, ref b, schedule);
        }

        public static T Reduce<TBody, T>(int lo, int hi, ref TBody body, Schedule schedule = default)
            where TBody : struct, IReduceBody<T> where T : unmanaged
        {
            long n = (long)hi - lo;
            if (n <= 0) return body.Identity;
            int blocks = n < ReductionBlocks ? (int)n : ReductionBlocks;
            T* partials = stackalloc T[blocks];
            var r = new Reduction<TBody, T> { Body = (TBody*)Unsafe.AsPointer(ref body), Partials = partials, Lo = lo, N = n, Blocks = blocks };
            // The schedule's chunk counts iterations; the loop below runs over blocks.
            int chunk = schedule.Chunk == 0 ? 0 : (int)((schedule.Chunk * (long)blocks + n - 1) / n);
            Loop l = default;
            l.Body = &Reduction<TBody, T>.RunBlocks;
            l.State = &r;
            l.Lo = 0;
            l.Hi = blocks;
            l.Kind = schedule.Kind;
            l.Chunk = schedule.Chunk == 0 ? 0 : (chunk < 1 ? 1 : chunk);
            Start(&l);
            T result = body.Identity;
            for (int b = 0; b < blocks; b++) result = body.Combine(result, partials[b]);
            return result;
        }

        /// <summary>The sum of term(i) over [lo, hi), deterministic (see Reduce).</summary>
        public static double Sum(int lo, int hi, Func<int, double> term, Schedule schedule = default)
        {
            var b = new SumBody { Term = term };
            return Reduce<SumBody, double>(lo, hi, ref b, schedule);
        }

        /// <summary>
        /// body.Run(w, W) on every worker w at once: an SPMD region, in which Barrier() synchronises
        /// the workers. Only from the top level (not inside another loop or a spawned job).
        /// </summary>
        public static void Spmd<TBody>(ref TBody body) where TBody : struct, ISpmdBody
        {
            if (!WorkStealingScheduler.Started) WorkStealingScheduler.Start(0);
            if (s_barrierParties != WorkStealingScheduler.Count)
            {
                s_barrier = new SpinBarrier(WorkStealingScheduler.Count);
                s_barrierParties = WorkStealingScheduler.Count;
            }
            Loop l = default;
            l.Body = &SpmdInvoker<TBody>.Run;
            l.State = Unsafe.AsPointer(ref body);
            l.Lo = 0;
            l.Hi = WorkStealingScheduler.Count;
            l.Kind = ScheduleKind.Static;
            l.Chunk = 1;                // share w = unit w, claimed by worker w only
            l.NoLateClaims = 1;
            Start(&l);
        }

        public static void Spmd(Action<int, int> body)
        {
            var b = new SpmdDelegate { Body = body };
            Spmd(ref b);
        }

        private static SpinBarrier s_barrier;
        private static int s_barrierParties;

        /// <summary>Waits until every worker of the SPMD region has arrived (spinning: one worker per core); true in one of them.</summary>
        public static bool Barrier() => s_barrier.Arrive();

        /// <summary>Runs a and b in parallel (fork-join) and returns when both are done.</summary>
        public static void Invoke(Action a, Action b)
        {
            var pair = new Pair { A = a, B = b };
            Runtime.Enter(&RunPair, &pair);
        }

        private struct Pair { public Action A, B; }

        private static void RunPair(void* state)
        {
            var p = (Pair*)state;
            var g = new SpawnGroup();
            g.Spawn(p->B);
            p->A();
            g.Sync();
        }

        private static void Start(Loop* l)
        {
            Worker* self = WorkStealingScheduler.Current;
            if (self != null) Loop.Execute(l, self);
            else Runtime.Enter(&ExecuteHere, l);
        }

        private static void ExecuteHere(void* loop) => Loop.Execute((Loop*)loop, WorkStealingScheduler.Current);

        private static class ForInvoker<TBody> where TBody : struct, IForBody
        {
            public static void Run(void* body, int lo, int hi) => Unsafe.AsRef<TBody>(body).Run(lo, hi);
        }

        private static class SpmdInvoker<TBody> where TBody : struct, ISpmdBody
        {
            public static void Run(void* body, int lo, int hi)
            {
                for (int w = lo; w < hi; w++) Unsafe.AsRef<TBody>(body).Run(w, WorkStealingScheduler.Count);
            }
        }

        private struct Reduction<TBody, T> where TBody : struct, IReduceBody<T> where T : unmanaged
        {
            public TBody* Body;
            public T* Partials;
            public int Lo, Blocks;
            public long N;

            public static void RunBlocks(void* state, int first, int end)
            {
                var r = (Reduction<TBody, T>*)state;
                for (int b = first; b < end; b++)
                {
                    T acc = r->Body->Identity;
                    int lo = r->Lo + (int)(r->N * b / r->Blocks);
                    int hi = r->Lo + (int)(r->N * (b + 1) / r->Blocks);
                    r->Body->Run(lo, hi, ref acc);
                    r->Partials[b] = acc;
                }
            }
        }

        private struct IndexBody : IForBody
        {
            public Action<int> Body;
            public void Run(int lo, int hi) { for (int i = lo; i < hi; i++) Body(i); }
        }

        private struct RangeBody : IForBody
        {
            public Action<int, int> Body;
            public void Run(int lo, int hi) => Body(lo, hi);
        }

        private struct SumBody : IReduceBody<double>
        {
            public Func<int, double> Term;
            public double Identity => 0;
            public void Run(int lo, int hi, ref double acc) { for (int i = lo; i < hi; i++) acc += Term(i); }
            public double Combine(double left, double right) => left + right;
        }

        private struct SpmdDelegate : ISpmdBody
        {
            public Action<int, int> Body;
            public void Run(int worker, int workers) => Body(worker, workers);
        }
    }

    /// <summary>
    /// A reusable sense-reversing barrier for a fixed number of parties that spin (one per core):
    /// the cheapest barrier when every party has a core of its own.
    /// </summary>
    public struct SpinBarrier
    {
        private int _remaining;
        private int _parties;
        private int _sense;

        public SpinBarrier(int parties)
        {
            _parties = parties;
            _remaining = parties;
            _sense = 0;
        }

        /// <summary>Waits for all parties; returns true in exactly one of them per round.</summary>
        public bool Arrive()
        {
            int sense = Volatile.Read(ref _sense);
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _remaining = _parties;
                Volatile.Write(ref _sense, sense ^ 1);
                return true;
            }
            while (Volatile.Read(ref _sense) == sense) Platform.Pause();
            return false;
        }
    }
}
