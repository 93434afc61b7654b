using System.Runtime.InteropServices;
using System.Threading;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>One worker: its deque, its wake-up word and its statistics. One per CPU.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 320)]
    internal unsafe struct Worker
    {
        [FieldOffset(0)] public WorkDeque Deque;
        [FieldOffset(192)] public int Index;
        [FieldOffset(196)] public int Parked;      // 1 while announced as parked (a waker clears it)
        [FieldOffset(200)] public int WakeWord;    // the word it blocks on while parked
        [FieldOffset(204)] public int LoopEpoch;   // the last team loop it joined
        [FieldOffset(208)] public ulong Random;
        [FieldOffset(216)] public long Spawns, Steals, Parks, Inline;
    }

    /// <summary>
    /// The work-stealing scheduler: a worker thread bound to each CPU, each with a Chase–Lev deque.
    /// A worker runs its own jobs newest first, steals the oldest job of a random victim when it
    /// has none, joins the active team loop (Loop), and after SpinsBeforePark fruitless rounds
    /// parks on its wake word until a spawn, a loop or a submission wakes it.
    /// </summary>
    internal static unsafe class WorkStealingScheduler
    {
        public const int DequeCapacity = 8192;
        public const nuint WorkerStackBytes = 1024 * 1024;
        private const int SpinsBeforePark = 200_000;
        private const int SpinsBetweenYields = 256;

        private static Worker* s_workers;
        private static int s_count;
        private static int s_ready;
        private static int s_parked;

        // One submission from outside the runtime at a time (Runtime.Run).
        private static int s_submitLock;
        private static nint s_submitted;
        private static int s_rootDone;
        private static Job s_root;           // static: the worker still writes it after the submitter returns

        public static int Count => s_count;
        public static bool Started => s_count != 0;
        public static Worker* Current => (Worker*)Platform.ThreadValue();
        public static Worker* Get(int index) => s_workers + index;

        public static void Start(int workers)
        {
            int cpus = Platform.CpuCount();
            if (workers <= 0) workers = cpus;
            if (s_count != 0)
            {
                if (workers != s_count) Platform.Fail("Nacre.Runtimes.Parallel: the runtime is already running with another worker count");
                return;
            }
            if (workers > cpus) Platform.Fail("Nacre.Runtimes.Parallel: more workers than CPUs");
            Platform.CycleHz();     // a platform may calibrate its clock on first use: not inside a loop
            s_workers = (Worker*)Platform.Allocate((nuint)(workers * sizeof(Worker)));
            for (int i = 0; i < workers; i++)
            {
                Worker* w = s_workers + i;
                w->Index = i;
                w->Random = 0x9E3779B97F4A7C15UL * (ulong)(i + 1);
                w->Deque.Initialize(DequeCapacity);
            }
            s_count = workers;
            for (int i = 0; i < workers; i++)
                Platform.StartBoundThread(i, &WorkerMain, s_workers + i, WorkerStackBytes);
            while (Volatile.Read(ref s_ready) < workers) Platform.Yield();
        }

        private static void WorkerMain(void* argument)
        {
            var self = (Worker*)argument;
            Platform.SetThreadValue(self);
            Interlocked.Increment(ref s_ready);
            int idle = 0;
            while (true)
            {
                if (FindWork(self, helping: false)) { idle = 0; continue; }
                idle++;
                if (idle < SpinsBeforePark)
                {
                    if (idle % SpinsBetweenYields == 0) Platform.YieldIfCooperative();
                    else Platform.Pause();
                    continue;
                }
                Park(self);
                idle = 0;
            }
        }

        /// <summary>Runs one piece of work if there is any: own deque, team loop, submission, steal.</summary>
        public static bool FindWork(Worker* self, bool helping)
        {
            Job* job = helping ? null : self->Deque.Take();
            if (job == null && Loop.TryJoin(self)) return true;
            if (job == null && !helping && Volatile.Read(ref s_submitted) != 0)
                job = (Job*)Interlocked.Exchange(ref s_submitted, 0);
            if (job == null) job = StealAny(self);
            if (job == null) return false;
            Job.Run(job);
            return true;
        }

        private static Job* StealAny(Worker* self)
        {
            int n = s_count;
            if (n == 1) return null;
            ulong x = self->Random;
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            self->Random = x;
            int start = (int)(x % (ulong)n);
            for (int i = 0; i < n; i++)
            {
                int v = start + i;
                if (v >= n) v -= n;
                if (v == self->Index) continue;
                Job* job = s_workers[v].Deque.Steal();
                if (job != null)
                {
                    self->Steals++;
                    Platform.TraceTask(TaskEvent.Steal, job, (uint)v);
                    return job;
                }
            }
            return null;
        }

        public static void Spawn(Job* job)
        {
            Worker* self = Current;
            if (self == null || !self->Deque.Push(job))
            {
                // Outside the runtime, or the deque is full: run it now (the same result, serially).
                if (self != null) self->Inline++;
                Job.Run(job);
                return;
            }
            self->Spawns++;
            Platform.TraceTask(TaskEvent.Spawn, job, (uint)self->Index);
            if (Volatile.Read(ref s_parked) > 0) WakeOne();
        }

        /// <summary>
        /// Returns once job has run: takes it back and runs it here if no thief has it (running
        /// any newer job found on the way), else helps with other work until the thief is done.
        /// </summary>
        public static void Sync(Job* job)
        {
            if (job->IsDone || job->Function == null) return;   // done, or never spawned
            Worker* self = Current;
            if (self == null)
            {
                while (!job->IsDone) Platform.Pause();
                return;
            }
            while (true)
            {
                Job* next = self->Deque.Take();
                if (next == null) break;          // job was stolen (and so was everything older)
                Job.Run(next);
                if (next == job) return;
            }
            while (!job->IsDone)
                if (!FindWork(self, helping: true)) Platform.Pause();
        }

        /// <summary>Runs job on the workers from a thread outside the runtime and waits for it.</summary>
        public static void Submit(Job* job)
        {
            while (Interlocked.CompareExchange(ref s_submitLock, 1, 0) != 0) Platform.Yield();
            Volatile.Write(ref s_rootDone, 0);
            fixed (Job* root = &s_root)
            {
                root->Set(&RunRoot, job);
                Interlocked.Exchange(ref s_submitted, (nint)root);
            }
            WakeAll();
            fixed (int* done = &s_rootDone)
                while (Volatile.Read(ref s_rootDone) == 0) Platform.WaitWhileZero(done);
            Volatile.Write(ref s_submitLock, 0);
        }

        private static void RunRoot(void* state)
        {
            Job.Run((Job*)state);
            Volatile.Write(ref s_rootDone, 1);
            fixed (int* done = &s_rootDone) Platform.Wake(done);
            Platform.YieldIfCooperative();    // the submitter may share this CPU: let it go on at once
        }

        private static void Park(Worker* self)
        {
            Volatile.Write(ref self->WakeWord, 0);
            Interlocked.Exchange(ref self->Parked, 1);
            Interlocked.Increment(ref s_parked);
            if (WorkVisible() && Interlocked.CompareExchange(ref self->Parked, 0, 1) == 1)
            {
                Interlocked.Decrement(ref s_parked);   // withdrew before anyone woke us
                return;
            }
            self->Parks++;
            while (Volatile.Read(ref self->WakeWord) == 0) Platform.WaitWhileZero(&self->WakeWord);
        }

        private static bool WorkVisible()
        {
            if (Volatile.Read(ref s_submitted) != 0 || Loop.Active) return true;
            for (int i = 0; i < s_count; i++)
                if (s_workers[i].Deque.Count > 0) return true;
            return false;
        }

        private static bool Unpark(Worker* w)
        {
            if (Volatile.Read(ref w->Parked) == 0 || Interlocked.CompareExchange(ref w->Parked, 0, 1) != 1) return false;
            Interlocked.Decrement(ref s_parked);
            Volatile.Write(ref w->WakeWord, 1);
            Platform.Wake(&w->WakeWord);
            return true;
        }

        public static void WakeOne()
        {
            for (int i = 0; i < s_count; i++)
                if (Unpark(s_workers + i)) return;
        }

        public static void WakeAll()
        {
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref s_parked) == 0) return;
            for (int i = 0; i < s_count; i++) Unpark(s_workers + i);
        }
    }
}
