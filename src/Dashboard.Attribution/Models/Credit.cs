namespace Dashboard.Attribution.Models;

/// <summary>Credit per channel code: conversions and revenue (reporting currency) a model gives each channel.</summary>
public sealed record Credit(double[] Conversions, double[] Revenue)
{
    public static Credit Zero(int channels) => new(new double[channels], new double[channels]);
}
