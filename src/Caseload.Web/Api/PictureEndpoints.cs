using Caseload.Core.Features.Photos;
using Caseload.Web.Security;

namespace Caseload.Web.Api;

/// <summary>
/// Students' photos and the letterhead's logo, for signed-in staff only: a photo to those who may see the student (404
/// otherwise, and when there is none: pages then show the initials), kept by the browser for a few minutes as private,
/// never by a shared cache.
/// </summary>
internal static class PictureEndpoints
{
    private const string Private = "private, max-age=300";

    public static void MapPictureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/students/{id:int}/photo", async (int id, HttpContext http, CurrentViewer current, GetPhoto photos, CancellationToken ct) =>
        {
            var scope = await current.ScopeAsync(ct);
            if (scope is null || await photos.HandleAsync(scope, id, ct) is not { } photo)
            {
                return Results.NotFound();
            }
            var tag = $"\"{photo.Tag}\"";
            http.Response.Headers.CacheControl = Private;
            http.Response.Headers.ETag = tag;
            return http.Request.Headers.IfNoneMatch == tag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.File(photo.Jpeg, "image/jpeg");
        }).ExcludeFromDescription();

        app.MapGet("/letterhead/logo", async (HttpContext http, CurrentViewer current, Core.Features.Institutions.Letterhead letterhead, CancellationToken ct) =>
        {
            var viewer = await current.ViewerAsync(ct);
            if (viewer is null || await letterhead.LogoAsync(viewer.InstitutionId, ct) is not { } logo)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = Private;
            return Results.File(logo, "image/png");
        }).ExcludeFromDescription();
    }
}
