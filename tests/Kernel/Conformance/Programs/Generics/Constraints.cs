namespace Conformance.Generics
{
    /// <summary>class, struct, new(), base-class, interface and unmanaged constraints.</summary>
    public static unsafe class Constraints
    {
        private class Animal { public virtual string Sound => "..."; }
        private sealed class Dog : Animal { public override string Sound => "woof"; }
        private interface IHasId { int Id { get; } }
        private struct Item : IHasId { public int Id => 9; }

        private static T Make<T>() where T : new() => new T();
        private static string Speak<T>(T a) where T : Animal => a.Sound;
        private static int IdOf<T>(T x) where T : struct, IHasId => x.Id;
        private static bool IsNull<T>(T x) where T : class => x == null;
        private static int Size<T>() where T : unmanaged => sizeof(T);

        public static int Main()
        {
            if (Make<Dog>().Sound != "woof") return 1;
            if (Make<int>() != 0) return 2;
            if (Speak(new Dog()) != "woof" || Speak(new Animal()) != "...") return 3;
            if (IdOf(new Item()) != 9) return 4;
            if (!IsNull<string>(null) || IsNull("a")) return 5;
            if (Size<long>() != 8 || Size<Item>() != 1 || Size<char>() != 2) return 6;
            return 100;
        }
    }
}
