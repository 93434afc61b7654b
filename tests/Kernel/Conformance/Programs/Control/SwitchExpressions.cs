using System;
using System.Collections.Generic;

namespace Conformance.Control
{
    /// <summary>switch expressions over tuples, types and relational patterns, with discards.</summary>
    public static class SwitchExpressions
    {
        private static string Fizz(int n) => (n % 3, n % 5) switch { (0, 0) => "FizzBuzz", (0, _) => "Fizz", (_, 0) => "Buzz", _ => n.ToString() };
        private static string Grade(int s) => s switch { >= 90 => "A", >= 80 and < 90 => "B", < 0 => "?", _ => "C" };

        public static int Main()
        {
            string all = "";
            for (int i = 1; i <= 15; i++) all += Fizz(i) + ",";
            if (all != "1,2,Fizz,4,Buzz,Fizz,7,8,Fizz,Buzz,11,Fizz,13,14,FizzBuzz,") return 1;
            if (Grade(95) != "A" || Grade(85) != "B" || Grade(-1) != "?" || Grade(10) != "C") return 2;
            return 100;
        }
    }
}
