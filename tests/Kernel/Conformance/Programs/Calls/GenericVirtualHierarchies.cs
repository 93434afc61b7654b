namespace Conformance.Calls
{
    /// <summary>Generic virtual methods through class hierarchies: several levels, sealed overrides, `new` slots, abstract slots, over value and reference types.</summary>
    public static class GenericVirtualHierarchies
    {
        private class Animal
        {
            public virtual string Name<T>(T tag) => "animal:" + tag.ToString();
        }
        private class Dog : Animal
        {
            public override string Name<T>(T tag) => "dog:" + tag.ToString();
        }
        private class Puppy : Dog
        {
            public sealed override string Name<T>(T tag) => "puppy:" + tag.ToString();
        }
        private sealed class Beagle : Puppy { }
        private class Cat : Animal
        {
            public new virtual string Name<T>(T tag) => "cat:" + tag.ToString();
        }
        private sealed class Kitten : Cat
        {
            public override string Name<T>(T tag) => "kitten:" + tag.ToString();
        }
        private abstract class Shape
        {
            public abstract T[] Repeat<T>(T item, int count);
        }
        private sealed class Line : Shape
        {
            public override T[] Repeat<T>(T item, int count)
            {
                var a = new T[count];
                for (int i = 0; i < count; i++) a[i] = item;
                return a;
            }
        }

        public static int Main()
        {
            Animal a = new Puppy();
            if (a.Name(1) != "puppy:1") return 1;
            if (a.Name("x") != "puppy:x") return 2;
            Animal b = new Beagle();
            if (b.Name(2.5) != "puppy:2.5") return 3;
            Animal d = new Dog();
            if (d.Name(2L) != "dog:2") return 4;
            if (d.Name<object>("o") != "dog:o") return 5;
            if (new Animal().Name('c') != "animal:c") return 6;
            Animal k = new Kitten();
            if (k.Name(3) != "animal:3") return 7;
            Cat c = new Kitten();
            if (c.Name(4) != "kitten:4") return 8;
            if (c.Name("y") != "kitten:y") return 9;
            if (new Cat().Name(5) != "cat:5") return 10;
            Shape s = new Line();
            int[] ints = s.Repeat(7, 3);
            if (ints.Length != 3 || ints[2] != 7) return 11;
            string[] strings = s.Repeat("z", 2);
            if (strings.Length != 2 || strings[1] != "z") return 12;
            // Loop: the second and later calls come from the cache.
            int total = 0;
            for (int i = 0; i < 100; i++) total += a.Name(i).Length;
            if (total != 100 * 6 + 10 * 1 + 90 * 2) return 13;
            return 100;
        }
    }
}
