namespace Conformance.Calls
{
    /// <summary>Covariant return types on overrides, and calls through base and derived references.</summary>
    public static class CovariantReturns
    {
        private class Animal { public virtual Animal Clone() => new Animal(); public virtual string Kind => "animal"; }
        private sealed class Cat : Animal { public override Cat Clone() => new Cat(); public override string Kind => "cat"; public string Meow => "meow"; }

        public static int Main()
        {
            Cat c = new Cat().Clone();
            if (c.Meow != "meow") return 1;
            Animal a = new Cat();
            if (a.Clone().Kind != "cat") return 2;
            if (new Animal().Clone().Kind != "animal") return 3;
            return 100;
        }
    }
}
