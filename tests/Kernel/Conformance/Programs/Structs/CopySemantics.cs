namespace Conformance.Structs
{
    /// <summary>Structs are copied on assignment, on passing by value and out of arrays and fields.</summary>
    public static class CopySemantics
    {
        private struct Point { public int X, Y; public void Move() { X++; Y++; } }
        private sealed class Holder { public Point P; }

        private static void Bump(Point p) { p.X = 99; }

        public static int Main()
        {
            var a = new Point { X = 1, Y = 2 };
            var b = a;
            b.X = 5;
            if (a.X != 1) return 1;
            Bump(a);
            if (a.X != 1) return 2;
            var arr = new Point[2];
            arr[0].Move();                      // in place through the element address
            var copy = arr[0];
            copy.Move();
            if (arr[0].X != 1 || copy.X != 2) return 3;
            var h = new Holder();
            h.P.Move();
            if (h.P.Y != 1) return 4;
            return 100;
        }
    }
}
