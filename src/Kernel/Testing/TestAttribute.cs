using System;

namespace Nacre.Testing
{
    /// <summary>
    /// Marks a `static void Name()` method as an in-kernel test. The source generator collects them
    /// into the test image's registry; no reflection is involved.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestAttribute : Attribute { }

    /// <summary>One registered test: its display name and entry point.</summary>
    public unsafe struct TestCase
    {
        public readonly string Name;
        public readonly delegate*<void> Method;

        public TestCase(string name, delegate*<void> method)
        {
            Name = name;
            Method = method;
        }
    }
}
