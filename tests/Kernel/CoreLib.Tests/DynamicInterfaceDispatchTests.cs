using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>
    /// One interface call site over many implementers: ilc cannot devirtualise it into type tests
    /// and goes through RhpInitialDynamicInterfaceDispatch (the interface dispatch cell path).
    /// </summary>
    public static class DynamicInterfaceDispatchTests
    {
        private interface IOp
        {
            int Apply(int x);
            string Name { get; }
        }

        private sealed class Add1 : IOp { public int Apply(int x) => x + 1; public string Name => "add1"; }
        private sealed class Mul2 : IOp { public int Apply(int x) => x * 2; public string Name => "mul2"; }
        private sealed class Neg : IOp { public int Apply(int x) => -x; public string Name => "neg"; }
        private sealed class Sq : IOp { public int Apply(int x) => x * x; public string Name => "sq"; }
        private sealed class Sub3 : IOp { public int Apply(int x) => x - 3; public string Name => "sub3"; }
        private class Id : IOp { public virtual int Apply(int x) => x; public string Name => "id"; }
        private sealed class IdPlus : Id { public override int Apply(int x) => x + 100; }
        private struct Half : IOp { public int Apply(int x) => x / 2; public string Name => "half"; }

        private interface IVisitor<T> { T Visit(T x); }
        private sealed class V1 : IVisitor<long> { public long Visit(long x) => x + 1; }
        private sealed class V2 : IVisitor<long> { public long Visit(long x) => x * 3; }
        private sealed class V3 : IVisitor<long> { public long Visit(long x) => x - 2; }
        private sealed class V4 : IVisitor<long> { public long Visit(long x) => x << 1; }
        private sealed class V5 : IVisitor<long> { public long Visit(long x) => x ^ 5; }
        private sealed class V6 : IVisitor<long> { public long Visit(long x) => x / 2; }

        [Test]
        public static void ManyImplementersOneCallSite()
        {
            IOp[] ops = { new Add1(), new Mul2(), new Neg(), new Sq(), new Sub3(), new Id(), new IdPlus(), new Half() };
            int x = 3;
            // Repeat so the call site sees every type several times, in changing order.
            for (int round = 0; round < 4; round++)
                for (int i = 0; i < ops.Length; i++)
                    x = ops[(i + round) % ops.Length].Apply(x) % 1000;
            int expected = 3;
            for (int round = 0; round < 4; round++)
                for (int i = 0; i < ops.Length; i++)
                    expected = Reference((i + round) % ops.Length, expected) % 1000;
            Assert.Equal(expected, x);
        }

        [Test]
        public static void ManyImplementersPropertyAndMixedOrder()
        {
            IOp[] ops = { new Sq(), new Half(), new Add1(), new IdPlus(), new Neg(), new Mul2(), new Sub3(), new Id() };
            string names = "";
            for (int i = 0; i < ops.Length; i++) names = string.Concat(names, ops[i].Name, ",");
            Assert.Equal("sq,half,add1,id,neg,mul2,sub3,id,", names);
            int sum = 0;
            for (int i = 0; i < 1000; i++) sum += ops[i % ops.Length].Apply(i & 7);
            int expected = 0;
            for (int i = 0; i < 1000; i++) expected += Reference(Index(ops[i % ops.Length].Name, i % ops.Length), i & 7);
            Assert.Equal(expected, sum);
        }

        [Test]
        public static void ManyImplementersGenericInterface()
        {
            IVisitor<long>[] vs = { new V1(), new V2(), new V3(), new V4(), new V5(), new V6() };
            long x = 10;
            for (int round = 0; round < 3; round++)
                for (int i = 0; i < vs.Length; i++) x = vs[i].Visit(x);
            long e = 10;
            for (int round = 0; round < 3; round++)
            {
                e += 1; e *= 3; e -= 2; e <<= 1; e ^= 5; e /= 2;
            }
            Assert.Equal(e, x);
        }

        // Index into the first array's order: add1, mul2, neg, sq, sub3, id, idplus, half.
        private static int Reference(int which, int x)
        {
            switch (which)
            {
                case 0: return x + 1;
                case 1: return x * 2;
                case 2: return -x;
                case 3: return x * x;
                case 4: return x - 3;
                case 5: return x;
                case 6: return x + 100;
                default: return x / 2;
            }
        }

        // Maps the second array (sq, half, add1, idplus, neg, mul2, sub3, id) to Reference's numbering.
        private static int Index(string name, int position)
        {
            if (position == 3) return 6;
            switch (name)
            {
                case "add1": return 0;
                case "mul2": return 1;
                case "neg": return 2;
                case "sq": return 3;
                case "sub3": return 4;
                case "id": return 5;
                default: return 7;
            }
        }
    }
}
