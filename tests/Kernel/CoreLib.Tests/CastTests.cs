using System;
using Nacre.Testing;

namespace CoreLib.Tests
{
    /// <summary>is / as / explicit casts, InvalidCastException, array covariance checks.</summary>
    public static class CastTests
    {
        private class Animal { public virtual string Sound() => "..."; }
        private class Dog : Animal { public override string Sound() => "woof"; }
        private sealed class Puppy : Dog { }
        private sealed class Cat : Animal { }
        private interface IPet { }
        private sealed class PetDog : Dog, IPet { }

        private static object Opaque(object o) => o; // keeps the compiler from folding casts

        [Test]
        public static void IsAndAsOnClassHierarchy()
        {
            object d = Opaque(new Puppy());
            Assert.True(d is Animal);
            Assert.True(d is Dog);
            Assert.True(d is Puppy);
            Assert.False(d is Cat);
            Assert.False(d is string);
            Assert.NotNull(d as Dog);
            Assert.Null(d as Cat);
            Assert.Null(Opaque(null) as Dog);
            Assert.False(Opaque(null) is object);
        }

        [Test]
        public static void PatternMatchingBindsVariables()
        {
            object o = Opaque(new Dog());
            if (o is Dog dog) Assert.Equal("woof", dog.Sound());
            else Assert.True(false, "pattern did not match");
            object n = Opaque(17);
            Assert.True(n is int i && i == 17);
            Assert.False(n is long);
            string kind = Classify(Opaque("s")) + Classify(Opaque(3)) + Classify(Opaque(new Cat())) + Classify(null);
            Assert.Equal("string,int,animal,null,", kind);
        }

        private static string Classify(object o) => o switch
        {
            string => "string,",
            int => "int,",
            Animal => "animal,",
            null => "null,",
            _ => "other,",
        };

        [Test]
        public static void InterfaceCasts()
        {
            object p = Opaque(new PetDog());
            object d = Opaque(new Dog());
            Assert.True(p is IPet);
            Assert.False(d is IPet);
            Assert.NotNull(p as IPet);
            Assert.Null(d as IPet);
            IPet pet = (IPet)p;
            Assert.Same(p, pet);
            Assert.Throws<InvalidCastException>(() => { IPet x = (IPet)d; });
        }

        [Test]
        public static void ExplicitCastFailureThrowsInvalidCast()
        {
            object cat = Opaque(new Cat());
            Assert.Throws<InvalidCastException>(() => { Dog x = (Dog)cat; });
            Assert.Throws<InvalidCastException>(() => { string s = (string)Opaque(5); });
            Assert.Throws<InvalidCastException>(() => { int v = (int)Opaque("five"); });
            Assert.Throws<InvalidCastException>(() => { long v = (long)Opaque(5); });
            Dog ok = (Dog)Opaque(new Puppy());
            Assert.Equal("woof", ok.Sound());
        }

        [Test]
        public static void ArrayCastsAndCovariance()
        {
            Dog[] dogs = { new Dog(), new Puppy() };
            object o = Opaque(dogs);
            Assert.True(o is Animal[]);
            Assert.True(o is object[]);
            Assert.True(o is Dog[]);
            Assert.False(o is Puppy[]);
            Assert.False(o is Cat[]);
            Assert.False(Opaque(new int[1]) is object[]);
            Animal[] animals = dogs;
            animals[0] = new Puppy(); // a Puppy is a Dog: allowed
            Assert.Equal("woof", animals[0].Sound());
        }

        [Test]
        public static void CovariantArrayStoreOfWrongTypeThrows()
        {
            Animal[] animals = (Animal[])Opaque(new Dog[2]);
            Assert.Throws<ArrayTypeMismatchException>(() => animals[1] = new Cat());
            object[] objects = (object[])Opaque(new string[1]);
            Assert.Throws<ArrayTypeMismatchException>(() => objects[0] = new object());
            objects[0] = "fine";
            Assert.Equal("fine", (string)objects[0]);
            objects[0] = null; // null is always storable
            Assert.Null(objects[0]);
        }

        [Test]
        public static void NumericConversions()
        {
            long big = (long)Opaque(1L << 40);
            Assert.Equal(0, (int)big);
            Assert.Equal(-1, (int)(uint)Opaque(0xFFFFFFFFu));
            double d = (double)Opaque(-2.75);
            Assert.Equal(-2, (int)d);
            Assert.Equal(255, (byte)(int)Opaque(511));
            Assert.Equal(-128, (sbyte)(int)Opaque(128));
            Assert.Equal(65, (int)'A');
            Assert.Equal('B', (char)(int)Opaque(66));
        }
    }
}
