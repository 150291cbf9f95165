package dev.relplan.code;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.model.Production;
import dev.relplan.model.Workload;
import dev.relplan.parse.XmlLoader;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Code that runs on the users' side rather than in the workload: scripts a web server hands to
 * browsers as static files ({@code static/}, {@code wwwroot/}, a Spring Boot {@code
 * resources/public/}) and .NET MAUI or Blazor WebAssembly projects (their {@code .csproj}). A call
 * such code makes waits on one user's screen, not on the workload's threads or capacity, so its
 * findings are rated one level lower with the reason (docs/judgment.md); the call is still listed.
 */
public final class ClientApps {
  /** A client project: its folder (with a trailing '/', "" for the root) and why it is one. */
  private record Project(String folder, String what, Location where) {}

  private final List<Project> projects;

  private ClientApps(List<Project> projects) {
    this.projects = projects;
  }

  /** A .NET project file, read to tell a device or browser app from a service. */
  static boolean isProjectFile(String display) {
    return display.toLowerCase(Locale.ROOT).endsWith(".csproj");
  }

  /**
   * Whether a JavaScript or TypeScript file is served to browsers as a static file: under a folder
   * web frameworks serve as is (Flask, Django and Spring Boot's {@code static/}, ASP.NET Core's
   * {@code wwwroot/}, Spring Boot's {@code resources/public/} and {@code META-INF/resources/}).
   */
  public static boolean isBrowserAsset(String display) {
    if (!LocalImports.isScript(display)) return false;
    String[] segments = display.split("/");
    for (int s = 0; s < segments.length - 1; s++) {
      String name = segments[s];
      if (name.equals("static") || name.equals("wwwroot")) return true;
      if (s > 0 && name.equals("public") && segments[s - 1].equals("resources")) return true;
      if (s > 0 && name.equals("resources") && segments[s - 1].equals("META-INF")) return true;
    }
    return false;
  }

  /** Marks the calls made by client code; a project file that cannot be read marks nothing. */
  static void mark(List<SourceFile> claimed, Workload w) {
    ClientApps apps = null;
    for (Integration i : w.integrations) {
      if (i.environment.present()) continue;
      String file = i.location.file();
      if (isBrowserAsset(file)) {
        i.environment =
            Production.clientApp(
                "a script served to web browsers as a static file",
                List.of(new Location(i.location.root(), file, 1)));
        continue;
      }
      if (apps == null) apps = read(claimed);
      Project p = apps.holding(file);
      if (p != null) i.environment = Production.clientApp(p.what, List.of(p.where));
    }
  }

  private static ClientApps read(List<SourceFile> claimed) {
    List<Project> found = new ArrayList<>();
    for (SourceFile f : claimed) {
      if (!isProjectFile(f.display())) continue;
      FileGuard.contain(f.display(), () -> project(f, found));
    }
    // The deepest folder first: a client project nested in a service's folder is the client's.
    found.sort(Comparator.comparingInt((Project p) -> -p.folder.length()));
    return new ClientApps(found);
  }

  private static void project(SourceFile f, List<Project> found) {
    XmlLoader.Element root;
    try {
      root = XmlLoader.load(f.content());
    } catch (Exception malformed) {
      return; // a project file that cannot be read says nothing about where its code runs
    }
    if (root == null || !root.name.equals("Project")) return;
    String display = f.display();
    String folder = display.contains("/") ? display.substring(0, display.lastIndexOf('/') + 1) : "";
    String name = display.substring(folder.length());
    String sdk = root.attributes.getOrDefault("Sdk", "");
    if (sdk.equalsIgnoreCase("Microsoft.NET.Sdk.BlazorWebAssembly")) {
      found.add(
          new Project(
              folder,
              "a Blazor WebAssembly app run in users' browsers (" + name + ")",
              new Location(display, root.line)));
      return;
    }
    for (XmlLoader.Element group : root.children("PropertyGroup")) {
      for (XmlLoader.Element maui : group.children("UseMaui")) {
        if (!maui.text().strip().equalsIgnoreCase("true")) continue;
        found.add(
            new Project(
                folder,
                "a .NET MAUI app run on users' devices (" + name + ")",
                new Location(display, maui.line)));
        return;
      }
    }
  }

  private Project holding(String file) {
    for (Project p : projects) if (file.startsWith(p.folder)) return p;
    return null;
  }
}
