using SkiaSharp;

namespace Caseload.Core.Shared;

/// <summary>
/// Pictures people upload (students' photos, the letterhead's logo): only JPEG or PNG, read by SkiaSharp, made no larger
/// than a box and stored once re-encoded, so nothing of the original file (its metadata, location, anything hidden in
/// it) is kept or served. Anything else is refused with what was expected.
/// </summary>
public static class Images
{
    /// <summary>The largest file read (a phone's full-size photo is 3–8 MB).</summary>
    public const int MaxFileBytes = 15 * 1024 * 1024;

    /// <summary>The most pixels decoded: a 1×1 GB "image" of a small file is refused before it is unpacked.</summary>
    public const long MaxPixels = 50_000_000;

    public sealed record Picture(byte[] Bytes, string ContentType, int Width, int Height);

    /// <summary>Reads a JPEG or PNG and returns it fitted inside <paramref name="maxWidth"/>×<paramref name="maxHeight"/> (never enlarged),
    /// as JPEG (photos) or PNG (keeps a logo's transparency).</summary>
    public static Picture Fit(ReadOnlySpan<byte> file, int maxWidth, int maxHeight, bool png = false)
    {
        if (file.Length > MaxFileBytes)
        {
            throw new ValidationException($"the file is {file.Length / 1024 / 1024.0:0.0} MB; expected at most {MaxFileBytes / 1024 / 1024} MB");
        }
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data) ?? throw new ValidationException("it is not a picture Caseload can read; expected a JPEG or PNG file");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            throw new ValidationException($"it is a {codec.EncodedFormat.ToString().ToUpperInvariant()} picture; expected a JPEG or PNG file");
        }
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w <= 0 || h <= 0 || (long)w * h > MaxPixels)
        {
            throw new ValidationException($"the picture is {w}×{h} pixels; expected at most {MaxPixels / 1_000_000} million pixels");
        }
        using var source = SKBitmap.Decode(codec) ?? throw new ValidationException("the picture is damaged and could not be read; expected a whole JPEG or PNG file");
        using var upright = Orient(source, codec.EncodedOrigin);
        var scale = Math.Min(1.0, Math.Min((double)maxWidth / upright.Width, (double)maxHeight / upright.Height));
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(upright.Width * scale)), Math.Max(1, (int)Math.Round(upright.Height * scale)));
        using var fitted = upright.Resize(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, png ? SKAlphaType.Premul : SKAlphaType.Opaque),
            new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new ValidationException("the picture could not be resized");
        using var image = SKImage.FromBitmap(fitted);
        using var encoded = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 82);
        return new Picture(encoded.ToArray(), png ? "image/png" : "image/jpeg", size.Width, size.Height);
    }

    // A phone's photo is often stored on its side with an instruction to turn it (EXIF orientation): turned once here.
    // (Mirrored orientations, which cameras do not write, are left as they are.)
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch { SKEncodedOrigin.BottomRight => 180, SKEncodedOrigin.RightTop => 90, SKEncodedOrigin.LeftBottom => 270, _ => 0 };
        if (degrees == 0)
        {
            return source.Copy();
        }
        var (w, h) = (source.Width, source.Height);
        var turned = new SKBitmap(degrees == 180 ? w : h, degrees == 180 ? h : w);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-w / 2f, -h / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return turned;
    }
}
