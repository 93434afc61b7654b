using System;
using System.Threading;

namespace Nacre.Runtimes.Parallel
{
    /// <summary>
    /// A unit of work in a deque: a function and its state, and a flag set once it has run. A
    /// job lives in its spawner's stack frame (inside a Future or a loop), which stays put until
    /// the spawner has synced it, so spawning allocates nothing.
    /// </summary>
    internal unsafe struct Job
    {
        public delegate*<void*, void> Function;
        public void* State;
        public int Done;

        public void Set(delegate*<void*, void> function, void* state)
        {
            Function = function;
            State = state;
            Done = 0;
        }

        /// <summary>Runs the job; afterwards its owner may return, so the job is not touched again.</summary>
        public static void Run(Job* job)
        {
            Platform.TraceTask(TaskEvent.Begin, job, (uint)(ulong)job->Function);
            job->Function(job->State);
            Platform.TraceTask(TaskEvent.End, job, 0);
            Volatile.Write(ref job->Done, 1);
        }

        public bool IsDone => Volatile.Read(ref Done) != 0;
    }

    /// <summary>
    /// The result of a spawned computation. Spawn on a local variable, do other work, then Get:
    /// Get runs the computation itself if no other worker has taken it yet, and otherwise helps
    /// with other work until the thief has finished. Strict fork-join: Get every spawned future
    /// before the method that holds it returns, and never copy a spawned future (the deque holds
    /// its address).
    /// <code>
    /// var left = new Future&lt;long&gt;();
    /// left.Spawn(&amp;Fib, n - 1);     // or left.Spawn(() =&gt; Fib(n - 1)) (allocates a closure)
    /// long right = Fib(n - 2);
    /// return left.Get() + right;
    /// </code>
    /// </summary>
    public unsafe struct Future<T>
    {
        private Job _job;
        private delegate*<long, T> _function;
        private long _argument;
        private Func<T> _body;
        private T _result;

        /// <summary>Spawns function(argument): zero allocation.</summary>
        public void Spawn(delegate*<long, T> function, long argument)
        {
            _function = function;
            _argument = argument;
            _body = null;
            Start();
        }

        /// <summary>Spawns body(): convenient, but the closure is an allocation (never freed in an HRT).</summary>
        public void Spawn(Func<T> body)
        {
            _function = null;
            _body = body;
            Start();
        }

        private void Start()
        {
            fixed (Future<T>* self = &this)
            {
                _job.Set(&Execute, self);
                WorkStealingScheduler.Spawn(&self->_job);
            }
        }

        private static void Execute(void* state)
        {
            var f = (Future<T>*)state;
            f->_result = f->_function != null ? f->_function(f->_argument) : f->_body();
        }

        /// <summary>Waits for (or runs) the spawned computation and returns its result.</summary>
        public T Get()
        {
            fixed (Future<T>* self = &this) WorkStealingScheduler.Sync(&self->_job);
            return _result;
        }

        /// <summary>True once the computation has finished (Get then returns at once).</summary>
        public bool IsCompleted => _job.IsDone;
    }

    /// <summary>
    /// Spawn/sync without a result: spawn actions, then Sync waits for all of them (Cilk's
    /// cilk_spawn/cilk_sync). Up to Capacity spawns per group. A group is a local; never copy one.
    /// <code>
    /// var g = new SpawnGroup();
    /// g.Spawn(&amp;Sort, (long)left);
    /// g.Spawn(&amp;Sort, (long)right);
    /// g.Sync();
    /// </code>
    /// </summary>
    public unsafe struct SpawnGroup
    {
        public const int Capacity = 8;

        private struct Slot
        {
            public Job Job;
            public delegate*<long, void> Function;
            public long Argument;
            public Action Body;
        }

        private Slot _0, _1, _2, _3, _4, _5, _6, _7;
        private int _count;

        public void Spawn(delegate*<long, void> function, long argument) => Add(function, argument, null);

        /// <summary>Spawns body(): the closure is an allocation (never freed in an HRT).</summary>
        public void Spawn(Action body) => Add(null, 0, body);

        private void Add(delegate*<long, void> function, long argument, Action body)
        {
            if (_count == Capacity) Sync();
            Slot* s = At(_count++);
            s->Function = function;
            s->Argument = argument;
            s->Body = body;
            s->Job.Set(&Execute, s);
            WorkStealingScheduler.Spawn(&s->Job);
        }

        // Field by field: a struct holding references may be laid out in any order.
        private Slot* At(int i)
        {
            fixed (SpawnGroup* g = &this)
            {
                switch (i)
                {
                    case 0: return &g->_0;
                    case 1: return &g->_1;
                    case 2: return &g->_2;
                    case 3: return &g->_3;
                    case 4: return &g->_4;
                    case 5: return &g->_5;
                    case 6: return &g->_6;
                    default: return &g->_7;
                }
            }
        }

        private static void Execute(void* state)
        {
            var s = (Slot*)state;
            if (s->Function != null) s->Function(s->Argument);
            else s->Body();
        }

        /// <summary>Waits for every action spawned since the last Sync (newest first).</summary>
        public void Sync()
        {
            while (_count > 0) WorkStealingScheduler.Sync(&At(--_count)->Job);
        }
    }
}
