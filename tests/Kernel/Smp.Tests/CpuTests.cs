using Nacre.Cpus;
using Nacre.Testing;

namespace Smp.Tests
{
    public static unsafe class CpuTests
    {
        [Test]
        public static void BootCpuIsZero()
        {
            Assert.Equal(0, Cpus.Current->Index);
            Assert.True(Cpus.Count >= 1);
        }
    }
}
