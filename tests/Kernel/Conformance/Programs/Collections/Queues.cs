using System.Collections.Generic;

namespace Conformance.Collections
{
    /// <summary>Queue: FIFO order across wrap-around and growth.</summary>
    public static class Queues
    {
        public static int Main()
        {
            var q = new Queue<int>();
            int next = 0, expected = 0;
            for (int round = 0; round < 50; round++)
            {
                for (int i = 0; i < 3; i++) q.Enqueue(next++);
                for (int i = 0; i < 2; i++) if (q.Dequeue() != expected++) return 1;
            }
            if (q.Count != 50) return 2;
            if (q.Peek() != expected) return 3;
            int sum = 0;
            while (q.Count > 0) sum += q.Dequeue();
            if (sum != (100 + 149) * 50 / 2) return 4;
            return 100;
        }
    }
}
