namespace Conformance.Calls
{
    /// <summary>Interface dispatch: several implementers, explicit implementations, interface inheritance.</summary>
    public static class InterfaceCalls
    {
        private interface IArea { int Area(); }
        private interface INamed : IArea { string Name { get; } }
        private sealed class Rect : INamed
        {
            public int W, H;
            public int Area() => W * H;
            string INamed.Name => "rect";
        }
        private sealed class Circle : IArea { public int Area() => 3; }
        private struct Dot : IArea { public int Area() => 0; }

        public static int Main()
        {
            IArea[] all = { new Rect { W = 2, H = 3 }, new Circle(), new Dot() };
            int sum = 0;
            foreach (var a in all) sum += a.Area();
            if (sum != 9) return 1;
            INamed n = (INamed)all[0];
            if (n.Name != "rect" || n.Area() != 6) return 2;
            if (all[1] is INamed) return 3;
            return 100;
        }
    }
}
