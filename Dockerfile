# One image, two entry points: the portal (default) and the standalone sandbox.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/PrivateApiEdge.Web -c Release -o /out/web \
 && dotnet publish src/PrivateApiEdge.Sandbox -c Release -o /out/sandbox

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# wget for the compose health checks; the base image has no HTTP client.
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/web ./web
COPY --from=build /out/sandbox ./sandbox
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
WORKDIR /app/web
ENTRYPOINT ["dotnet", "PrivateApiEdge.Web.dll"]
