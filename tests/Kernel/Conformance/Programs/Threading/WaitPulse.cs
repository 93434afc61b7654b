using System.Threading;

namespace Conformance.Threading
{
    /// <summary>Monitor.Wait/Pulse as a one-slot producer/consumer hand-off, and Wait timing out.</summary>
    public static class WaitPulse
    {
        private static readonly object s_gate = new object();
        private static int s_slot = -1, s_sum;

        public static int Main()
        {
            var consumer = new Thread(() =>
            {
                for (int i = 0; i < 50; i++)
                {
                    lock (s_gate)
                    {
                        while (s_slot < 0) Monitor.Wait(s_gate);
                        s_sum += s_slot;
                        s_slot = -1;
                        Monitor.PulseAll(s_gate);
                    }
                }
            });
            consumer.Start();
            for (int i = 1; i <= 50; i++)
            {
                lock (s_gate)
                {
                    while (s_slot >= 0) Monitor.Wait(s_gate);
                    s_slot = i;
                    Monitor.PulseAll(s_gate);
                }
            }
            consumer.Join();
            if (s_sum != 1275) return 1;
            lock (s_gate) { if (Monitor.Wait(s_gate, 10)) return 2; }
            return 100;
        }
    }
}
