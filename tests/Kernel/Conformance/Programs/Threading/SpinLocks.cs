using System.Threading;

namespace Conformance.Threading
{
    /// <summary>SpinLock: Enter/Exit, TryEnter on a held lock, owner tracking.</summary>
    public static class SpinLocks
    {
        private static SpinLock s_lock = new SpinLock(true);

        public static int Main()
        {
            bool taken = false;
            s_lock.Enter(ref taken);
            if (!taken || !s_lock.IsHeld || !s_lock.IsHeldByCurrentThread) return 1;
            s_lock.Exit();
            if (s_lock.IsHeld) return 2;
            var plain = new SpinLock(false);
            bool a = false, b = false;
            plain.TryEnter(ref a);
            plain.TryEnter(ref b);                   // held (by us, untracked): not taken again
            if (!a || b) return 3;
            plain.Exit();
            bool c = false;
            plain.TryEnter(10, ref c);
            if (!c || plain.IsThreadOwnerTrackingEnabled) return 4;
            plain.Exit(false);
            return 100;
        }
    }
}
