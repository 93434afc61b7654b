using System.CommandLine;
using Nacre.Cli.Qemu;

namespace Nacre.Cli.Commands;

/// <summary>Options shared by <c>run</c> and <c>test</c>, with their range checks.</summary>
public static class CommonOptions
{
    public static Option<int> Cpus(int defaultValue = 1) =>
        Ranged(new Option<int>("--cpus") { Description = "virtual CPUs (QEMU -smp)", DefaultValueFactory = _ => defaultValue, HelpName = "N" },
            QemuOptions.MinCpus, QemuOptions.MaxCpus);

    public static Option<int> Memory() =>
        Ranged(new Option<int>("--memory") { Description = "guest memory in MiB (QEMU -m)", DefaultValueFactory = _ => 256, HelpName = "MiB" },
            QemuOptions.MinMemoryMiB, QemuOptions.MaxMemoryMiB);

    public static Option<double> Timeout(string what) =>
        Positive(new Option<double>("--timeout")
        {
            Description = $"seconds before QEMU is killed and {what} fails",
            DefaultValueFactory = _ => QemuOptions.DefaultTimeout.TotalSeconds,
            HelpName = "seconds",
        });

    private static Option<int> Ranged(Option<int> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
                result.AddError($"{option.Name} must be between {min} and {max}, got {value}");
        });
        return option;
    }

    private static Option<double> Positive(Option<double> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0) || double.IsInfinity(value))
                result.AddError($"{option.Name} must be a positive number of seconds, got {value}");
        });
        return option;
    }
}
