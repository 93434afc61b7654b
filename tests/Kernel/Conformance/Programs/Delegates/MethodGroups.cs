using System;

namespace Conformance.Delegates
{
    /// <summary>Delegates to static methods, instance methods (open over the receiver), virtual methods and generic methods.</summary>
    public static class MethodGroups
    {
        private delegate int BinOp(int a, int b);
        private static int Add(int a, int b) => a + b;
        private class Scaler { public int K; public int Scale(int x) => x * K; public virtual string Name() => "scaler"; }
        private sealed class Fancy : Scaler { public override string Name() => "fancy"; }
        private static T Echo<T>(T x) => x;

        public static int Main()
        {
            BinOp op = Add;
            if (op(2, 3) != 5) return 1;
            var s = new Scaler { K = 3 };
            Func<int, int> scale = s.Scale;
            s.K = 4;                                   // the delegate holds the object, not a copy
            if (scale(5) != 20) return 2;
            Scaler f = new Fancy();
            Func<string> name = f.Name;                // virtual: resolved on the receiver
            if (name() != "fancy") return 3;
            Func<string, string> echo = Echo;
            if (echo("e") != "e") return 4;
            Func<int, int> echoInt = Echo<int>;
            if (echoInt(9) != 9) return 5;
            if (op.Invoke(1, 1) != 2) return 6;
            return 100;
        }
    }
}
