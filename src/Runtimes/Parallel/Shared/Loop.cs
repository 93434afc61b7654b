using System.Runtime.InteropServices;
using System.Threading;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// A parallel loop over the units [Lo, Hi): body(state, lo, hi) is called on sub-ranges that
    /// cover every unit exactly once. One loop at a time is the *team loop*: it is published to
    /// every worker (waking parked ones) and each joins it from its idle or helping loop, taking
    /// its static share or grabbing dynamic/guided chunks. A static share is a range its owner
    /// eats from the front in eighths while a participant that has finished its own share may
    /// take the back half of what is left of a share already started (and, after a grace period,
    /// of one not started): the owner keeps its indices when all goes well, and a worker that
    /// was preempted or woke late does not hold the loop up. A loop started while the team is busy
    /// (a For inside a spawned job or inside another loop's body) runs by recursive halving with
    /// spawn instead, which needs no other worker to show up. Loops live on their caller's stack.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal unsafe struct Loop
    {
        [FieldOffset(0)] public delegate*<void*, int, int, void> Body;
        [FieldOffset(8)] public void* State;
        [FieldOffset(16)] public int Lo;
        [FieldOffset(20)] public int Hi;
        [FieldOffset(24)] public ScheduleKind Kind;
        [FieldOffset(28)] public int Chunk;
        [FieldOffset(32)] public int Workers;
        [FieldOffset(36)] public int Epoch;
        [FieldOffset(40)] public int* Claims;          // static with chunks, SPMD: one flag per worker share
        [FieldOffset(56)] public ulong* Shares;        // static: per worker share, the range left (front | back << 32)
        [FieldOffset(64)] public ulong GraceEnd;       // cycle count after which unstarted shares may be taken
        [FieldOffset(48)] public int NoLateClaims;     // SPMD: every share runs on its own worker
        [FieldOffset(128)] public long Next;           // dynamic/guided: the next unit to hand out
        [FieldOffset(192)] public long Remaining;      // units not yet run

        private static nint s_active;
        private static int s_activeEpoch;
        private static int s_refs;
        private static int s_epoch;

        public static bool Active => Volatile.Read(ref s_active) != 0;

        /// <summary>Runs the loop on the calling worker and whichever workers join; returns when every unit has run.</summary>
        public static void Execute(Loop* l, Worker* self)
        {
            int n = l->Hi - l->Lo;
            if (n <= 0) return;
            int workers = WorkStealingScheduler.Count;
            if (workers == 1)
            {
                l->Body(l->State, l->Lo, l->Hi);
                return;
            }
            int epoch = Interlocked.Increment(ref s_epoch);
            l->Epoch = epoch;
            l->Workers = workers;
            l->Next = l->Lo;
            l->Remaining = n;
            int* claims = stackalloc int[workers];
            ulong* shares = stackalloc ulong[workers];
            for (int i = 0; i < workers; i++)
            {
                claims[i] = 0;
                shares[i] = Pack(ShareStart(l, i), ShareStart(l, i + 1));
            }
            l->Claims = claims;
            l->Shares = shares;
            l->GraceEnd = ulong.MaxValue;
            if (Interlocked.CompareExchange(ref s_active, (nint)l, 0) != 0)
            {
                if (l->NoLateClaims != 0) Platform.Fail("Nacre.Runtimes.Parallel: an SPMD region needs every worker, but another team loop is running");
                RunNested(l);
                return;
            }
            Volatile.Write(ref s_activeEpoch, epoch);
            WorkStealingScheduler.WakeAll();
            self->LoopEpoch = epoch;
            ulong start = Platform.Cycles();
            Participate(l, self);
            ulong now = Platform.Cycles();
            // Owners not there by then (twice the caller's own share, plus 20 µs) lose their share.
            Volatile.Write(ref l->GraceEnd, now + (now - start) + Platform.CycleHz() / 50_000);
            while (Volatile.Read(ref l->Remaining) > 0)
            {
                if (l->Kind == ScheduleKind.Static && l->NoLateClaims == 0)
                {
                    if (l->Chunk == 0) HelpWithShares(l);
                    else if (Platform.Cycles() > l->GraceEnd)
                        for (int s = 0; s < workers; s++) RunShare(l, s);
                }
                Platform.Pause();
            }
            Interlocked.Exchange(ref s_active, 0);
            while (Volatile.Read(ref s_refs) != 0) Platform.Pause();
        }

        /// <summary>Joins the team loop if there is one this worker has not joined yet.</summary>
        public static bool TryJoin(Worker* self)
        {
            int epoch = Volatile.Read(ref s_activeEpoch);
            if (epoch == self->LoopEpoch) return false;
            Interlocked.Increment(ref s_refs);
            var l = (Loop*)Volatile.Read(ref s_active);
            bool joined = false;
            if (l == null) self->LoopEpoch = epoch;
            else if (l->Epoch != self->LoopEpoch)
            {
                self->LoopEpoch = l->Epoch;
                Participate(l, self);
                joined = true;
            }
            Interlocked.Decrement(ref s_refs);
            return joined;
        }

        private static void Participate(Loop* l, Worker* self)
        {
            switch (l->Kind)
            {
                case ScheduleKind.Static:
                    if (l->Chunk != 0 || l->NoLateClaims != 0)
                    {
                        RunShare(l, self->Index);
                        break;
                    }
                    RunOwnShare(l, self->Index);
                    HelpWithShares(l);
                    break;
                case ScheduleKind.Dynamic:
                {
                    int chunk = l->Chunk < 1 ? 1 : l->Chunk;
                    while (true)
                    {
                        long lo = Interlocked.Add(ref l->Next, chunk) - chunk;
                        if (lo >= l->Hi) break;
                        long hi = lo + chunk < l->Hi ? lo + chunk : l->Hi;
                        Run(l, (int)lo, (int)hi);
                    }
                    break;
                }
                default:
                {
                    int minimum = l->Chunk < 1 ? 1 : l->Chunk;
                    while (true)
                    {
                        long lo = Volatile.Read(ref l->Next);
                        long left = l->Hi - lo;
                        if (left <= 0) break;
                        long size = (left + l->Workers - 1) / l->Workers;
                        if (size < minimum) size = minimum;
                        if (size > left) size = left;
                        if (Interlocked.CompareExchange(ref l->Next, lo + size, lo) != lo) continue;
                        Run(l, (int)lo, (int)(lo + size));
                    }
                    break;
                }
            }
        }

        private static int ShareStart(Loop* l, int s) => l->Lo + (int)((long)(l->Hi - l->Lo) * s / l->Workers);
        private static ulong Pack(int front, int back) => (uint)front | (ulong)(uint)back << 32;

        /// <summary>The owner's side of a static share: an eighth of it at a time, from the front.</summary>
        private static void RunOwnShare(Loop* l, int s)
        {
            ulong* share = l->Shares + s;
            int grain = (ShareStart(l, s + 1) - ShareStart(l, s) + 7) / 8;
            if (grain < 1) grain = 1;
            while (true)
            {
                ulong word = Volatile.Read(ref *share);
                int front = (int)(uint)word, back = (int)(word >> 32);
                if (front >= back) return;
                int end = back - front > grain ? front + grain : back;
                if (Interlocked.CompareExchange(ref *share, Pack(end, back), word) == word) Run(l, front, end);
            }
        }

        /// <summary>
        /// A participant done with its own share takes the back half of what is left of the
        /// fullest share: any started one, or after the grace period any at all.
        /// </summary>
        private static void HelpWithShares(Loop* l)
        {
            while (Volatile.Read(ref l->Remaining) > 0)
            {
                bool afterGrace = Platform.Cycles() > Volatile.Read(ref l->GraceEnd);
                int victim = -1, most = 0;
                for (int s = 0; s < l->Workers; s++)
                {
                    ulong word = Volatile.Read(ref l->Shares[s]);
                    int front = (int)(uint)word, back = (int)(word >> 32);
                    if (back - front > most && (afterGrace || front != ShareStart(l, s)))
                    {
                        victim = s;
                        most = back - front;
                    }
                }
                if (victim < 0) return;
                ulong* share = l->Shares + victim;
                ulong seen = Volatile.Read(ref *share);
                int f = (int)(uint)seen, b = (int)(seen >> 32);
                if (f >= b) continue;
                int begin = b - (b - f + 1) / 2;
                if (Interlocked.CompareExchange(ref *share, Pack(f, begin), seen) == seen) Run(l, begin, b);
            }
        }

        /// <summary>Runs share s of a static loop with a chunk size (or of an SPMD region) unless someone already claimed it.</summary>
        private static void RunShare(Loop* l, int s)
        {
            if (Volatile.Read(ref l->Claims[s]) != 0 || Interlocked.CompareExchange(ref l->Claims[s], 1, 0) != 0) return;
            long n = l->Hi - l->Lo;
            if (l->Chunk == 0)
            {
                int lo = l->Lo + (int)(n * s / l->Workers);
                int hi = l->Lo + (int)(n * (s + 1) / l->Workers);
                if (hi > lo) Run(l, lo, hi);
                return;
            }
            for (long c = (long)s * l->Chunk; c < n; c += (long)l->Workers * l->Chunk)
            {
                long hi = c + l->Chunk < n ? c + l->Chunk : n;
                Run(l, l->Lo + (int)c, l->Lo + (int)hi);
            }
        }

        private static void Run(Loop* l, int lo, int hi)
        {
            l->Body(l->State, lo, hi);
            Interlocked.Add(ref l->Remaining, lo - hi);
        }

        private struct Half
        {
            public Job Job;
            public Loop* Loop;
            public int Lo, Hi, Grain;
        }

        private static void RunNested(Loop* l)
        {
            int n = l->Hi - l->Lo;
            int grain = l->Chunk > 0 ? l->Chunk : n / (8 * l->Workers);
            Split(l, l->Lo, l->Hi, grain < 1 ? 1 : grain);
        }

        private static void Split(Loop* l, int lo, int hi, int grain)
        {
            if (hi - lo > grain)
            {
                Half right = default;
                int mid = lo + (hi - lo) / 2;
                right.Loop = l;
                right.Lo = mid;
                right.Hi = hi;
                right.Grain = grain;
                right.Job.Set(&RunHalf, &right);
                WorkStealingScheduler.Spawn(&right.Job);
                Split(l, lo, mid, grain);
                WorkStealingScheduler.Sync(&right.Job);
                return;
            }
            l->Body(l->State, lo, hi);
        }

        private static void RunHalf(void* state)
        {
            var h = (Half*)state;
            Split(h->Loop, h->Lo, h->Hi, h->Grain);
        }
    }
}
