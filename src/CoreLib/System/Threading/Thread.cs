using Internal.Runtime;

namespace System.Threading
{
    public delegate void ThreadStart();

    /// <summary>
    /// A kernel thread as System.Threading.Thread: Start runs the delegate on a new kernel thread
    /// (any CPU), Join waits for it. Sleep waits in the kernel's timer-backed futex.
    /// </summary>
    public sealed unsafe class Thread
    {
        private readonly ThreadStart _start;
        private void* _handle;
        private int _id;
        private readonly ManualResetEventSlim _started = new ManualResetEventSlim();

        public Thread(ThreadStart start)
        {
            if (start == null) ThrowHelpers.ThrowArgumentNullException("start");
            _start = start;
        }

        public int ManagedThreadId => _id;

        public void Start()
        {
            if (_handle != null) ThrowHelpers.ThrowInvalidOperationException("Thread is running or terminated; it cannot restart.");
            _handle = KernelImports.ThreadStart(Run);
            _started.Wait();
        }

        private void Run()
        {
            _id = Environment.CurrentManagedThreadId;
            _started.Set();
            _start();
        }

        private int _joined;

        public void Join()
        {
            if (_handle == null) ThrowHelpers.ThrowInvalidOperationException("Thread has not been started.");
            // The kernel recycles a thread once joined: only the first Join waits on it.
            if (Interlocked.Exchange(ref _joined, 1) == 0) KernelImports.ThreadJoin(_handle);
        }

        public static void Sleep(int millisecondsTimeout)
        {
            int never = 0;
            if (millisecondsTimeout == 0) { KernelImports.ThreadYield(); return; }
            FutexWord.Wait(ref never, 0, millisecondsTimeout);
        }

        public static bool Yield()
        {
            KernelImports.ThreadYield();
            return true;
        }
    }
}
