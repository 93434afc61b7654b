namespace System.Threading
{
    /// <summary>A gate that stays open once Set until Reset; waiters sleep in the kernel (futex on the state).</summary>
    public class ManualResetEventSlim : IDisposable
    {
        private int _state;   // 1 set, 0 not

        public ManualResetEventSlim() { }
        public ManualResetEventSlim(bool initialState) { _state = initialState ? 1 : 0; }

        public bool IsSet => Volatile.Read(ref _state) != 0;

        public void Set()
        {
            if (Interlocked.Exchange(ref _state, 1) == 0) FutexWord.Wake(ref _state, int.MaxValue);
        }

        public void Reset() => Volatile.Write(ref _state, 0);

        public void Wait() => Wait(-1);

        public bool Wait(int millisecondsTimeout)
        {
            while (Volatile.Read(ref _state) == 0)
                if (!FutexWord.Wait(ref _state, 0, millisecondsTimeout)) return IsSet;
            return true;
        }

        public void Dispose() { }
    }

    public abstract class WaitHandle : IDisposable
    {
        public const int WaitTimeout = 258;
        public virtual bool WaitOne() => WaitOne(-1);
        public abstract bool WaitOne(int millisecondsTimeout);
        public void Dispose() { }
    }

    public enum EventResetMode { AutoReset = 0, ManualReset = 1 }

    /// <summary>
    /// An event: Set releases waiters — all of them and it stays set (ManualReset), or exactly one,
    /// which resets it as it passes (AutoReset).
    /// </summary>
    public class EventWaitHandle : WaitHandle
    {
        private int _state;
        private readonly bool _autoReset;

        public EventWaitHandle(bool initialState, EventResetMode mode)
        {
            _state = initialState ? 1 : 0;
            _autoReset = mode == EventResetMode.AutoReset;
        }

        public bool Set()
        {
            Volatile.Write(ref _state, 1);
            FutexWord.Wake(ref _state, _autoReset ? 1 : int.MaxValue);
            return true;
        }

        public bool Reset()
        {
            Volatile.Write(ref _state, 0);
            return true;
        }

        public override bool WaitOne(int millisecondsTimeout)
        {
            while (true)
            {
                if (_autoReset ? Interlocked.CompareExchange(ref _state, 0, 1) == 1 : Volatile.Read(ref _state) == 1) return true;
                if (!FutexWord.Wait(ref _state, 0, millisecondsTimeout))
                    return _autoReset ? Interlocked.CompareExchange(ref _state, 0, 1) == 1 : Volatile.Read(ref _state) == 1;
            }
        }
    }

    public sealed class AutoResetEvent : EventWaitHandle
    {
        public AutoResetEvent(bool initialState) : base(initialState, EventResetMode.AutoReset) { }
    }

    public sealed class ManualResetEvent : EventWaitHandle
    {
        public ManualResetEvent(bool initialState) : base(initialState, EventResetMode.ManualReset) { }
    }
}
