using System;
using System.Collections.Generic;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>Queue&lt;T&gt;: FIFO order, wrap-around, growth, empty behaviour.</summary>
    public static class QueueTests
    {
        [Test]
        public static void FifoOrderWithWrapAround()
        {
            var q = new Queue<int>(4);
            for (int round = 0; round < 10; round++)
            {
                q.Enqueue(round * 2);
                q.Enqueue(round * 2 + 1);
                Assert.Equal(round, q.Dequeue());
            }
            Assert.Equal(10, q.Count);
            Assert.Equal(10, q.Peek());
            for (int i = 10; i < 20; i++) Assert.Equal(i, q.Dequeue());
            Assert.Equal(0, q.Count);
        }

        [Test]
        public static void GrowsAndKeepsOrder()
        {
            var q = new Queue<string>();
            q.Enqueue("x");
            q.Dequeue(); // head no longer at slot 0 before the growth
            for (int i = 0; i < 100; i++) q.Enqueue(i.ToString());
            Assert.Equal(100, q.Count);
            for (int i = 0; i < 100; i++) Assert.Equal(i.ToString(), q.Dequeue());
        }

        [Test]
        public static void EmptyQueueBehaviour()
        {
            var q = new Queue<long>();
            Assert.False(q.TryDequeue(out long v));
            Assert.Equal(0, v);
            Assert.Throws<InvalidOperationException>(() => q.Dequeue());
            Assert.Throws<InvalidOperationException>(() => q.Peek());
            q.Enqueue(7);
            Assert.True(q.TryDequeue(out v));
            Assert.Equal(7, v);
            q.Enqueue(1);
            q.Enqueue(2);
            q.Clear();
            Assert.Equal(0, q.Count);
        }
    }
}
