namespace Conformance.Arrays
{
    /// <summary>Reference arrays are covariant: a string[] seen as object[] reads and stores strings.</summary>
    public static class Covariance
    {
        private class Animal { public virtual int Legs => 0; }
        private sealed class Bird : Animal { public override int Legs => 2; }

        public static int Main()
        {
            string[] s = { "a", "b" };
            object[] o = s;
            o[1] = "c";
            if (s[1] != "c") return 1;
            Animal[] animals = new Bird[] { new Bird(), new Bird() };
            int legs = 0;
            foreach (var a in animals) legs += a.Legs;
            if (legs != 4) return 2;
            animals[0] = new Bird();
            if (!(o is string[]) || !(animals is Bird[])) return 3;
            object arr = new int[1];
            if (arr is object[]) return 4;
            return 100;
        }
    }
}
