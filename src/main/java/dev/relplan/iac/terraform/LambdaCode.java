package dev.relplan.iac.terraform;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Value;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.TemplatePart;
import dev.relplan.parse.hcl.Traverser;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the source of a Terraform-declared Lambda function is, so that its handler can be read: the
 * {@code source_dir} (or the folder of {@code source_file}, the package's one file) of the {@code
 * archive_file} data source its {@code filename} — or the {@code source} of the S3 object its
 * {@code s3_key} — names. The directory is relative to the scanned root. An archive built outside
 * Terraform, a container image or an S3 object without a known source leave it unresolved, with the
 * reason.
 */
final class LambdaCode {
  private LambdaCode() {}

  /** The folder of the function's code, relative to the scanned root, or why it is not known. */
  static Value<String> directory(ResourceContext r) {
    Archive a = packaged(r);
    if (!a.singleFile()) return a.path();
    String file = a.path().get();
    return Value.explicit(
        file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".", a.path().trace());
  }

  /**
   * The one file the deployment package holds (an archive_file with source_file), relative to the
   * scanned root; absent when the package is a folder or is not known.
   */
  static Value<String> packagedFile(ResourceContext r) {
    Archive a = packaged(r);
    return a.singleFile() ? a.path() : Value.absent();
  }

  /** What an archive packages: a folder, or one file ({@code singleFile}), or why not known. */
  private record Archive(Value<String> path, boolean singleFile) {
    static Archive of(Value<String> path) {
      return new Archive(path, false);
    }
  }

  private static Archive packaged(ResourceContext r) {
    if (r.block == null)
      return Archive.of(Value.absent()); // a resource read from a plan file: no block to follow
    Body body = new Body(r);
    if (body.has("image_uri"))
      return Archive.of(
          Value.unresolved(
              "the function is a container image (image_uri); its code is not in the repository",
              body.trace("image_uri")));
    if (body.has("filename"))
      return fromPackage(r, r.block, "filename", "function code archive (filename)");
    if (body.has("s3_key")) {
      Expr key = body.expr("s3_key");
      Block object = resource(r, key, "key", "aws_s3_object", "aws_s3_bucket_object");
      if (object != null && object.body().attribute("source").isPresent()) {
        Archive a =
            fromPackage(
                r,
                object,
                "source",
                "source of the S3 object " + object.label(0) + "." + object.label(1));
        return new Archive(a.path().withTrace(body.trace("s3_key")), a.singleFile());
      }
      return Archive.of(
          Value.unresolved(
              "the function's code is an S3 object (s3_key) whose local source is not declared in Terraform",
              body.trace("s3_key")));
    }
    return Archive.of(Value.absent());
  }

  /**
   * An archive path attribute (filename, or an S3 object's source) that names an archive_file data
   * source.
   */
  private static Archive fromPackage(
      ResourceContext r, Block owner, String attribute, String what) {
    Attribute a = owner.body().attribute(attribute).orElseThrow();
    Location at = r.module.at(a.range());
    Expr e = unwrap(a.value());
    if (e instanceof Expr.ScopeTraversal t
        && t.root().equals("data")
        && t.steps().size() >= 3
        && t.steps().get(0) instanceof Traverser.AttrStep type
        && type.name().equals("archive_file")
        && t.steps().get(1) instanceof Traverser.AttrStep name
        && t.steps().get(t.steps().size() - 1) instanceof Traverser.AttrStep out
        && out.name().equals("output_path")) {
      Block archive = r.module.dir.data.get("archive_file." + name.name());
      if (archive == null)
        return Archive.of(
            Value.unresolved(
                "data source archive_file." + name.name() + " is not declared", List.of(at)));
      for (String source : List.of("source_dir", "source_file")) {
        Attribute s = archive.body().attribute(source).orElse(null);
        if (s == null) continue;
        Location sAt = r.module.at(s.range());
        Evaluated v = r.module.eval(s.value(), Env.EMPTY);
        String path = TfValues.str(v.value());
        if (path == null || TfValues.isUnknown(v.value())) {
          return Archive.of(
              Value.unresolved(
                  "the archive's " + source + " cannot be evaluated", List.of(at, sAt)));
        }
        if (path.startsWith("/") || path.matches("[A-Za-z]:[\\\\/].*")) {
          return Archive.of(
              Value.unresolved(
                  "the archive's " + source + " is an absolute path outside the scanned repository",
                  List.of(at, sAt)));
        }
        // relplan evaluates path.module to the module's folder relative to the scanned root; other
        // relative paths are relative to the root module's folder, where Terraform runs.
        String rooted =
            usesPathModule(s.value())
                ? path
                : (r.scope().equals(".") ? path : r.scope() + "/" + path);
        return new Archive(Value.explicit(rooted, List.of(at, sAt)), source.equals("source_file"));
      }
      return Archive.of(
          Value.unresolved(
              "data source archive_file." + name.name() + " has no source_dir or source_file",
              List.of(at)));
    }
    return Archive.of(
        Value.unresolved(
            "the " + what + " is built outside Terraform, so its source folder is not known",
            List.of(at)));
  }

  /**
   * The resource block of one of the given types that a traversal such as aws_s3_object.code.key
   * names.
   */
  private static Block resource(ResourceContext r, Expr e, String attr, String... types) {
    e = unwrap(e);
    if (!(e instanceof Expr.ScopeTraversal t)
        || t.steps().isEmpty()
        || !(t.steps().get(0) instanceof Traverser.AttrStep name)) return null;
    if (!(t.steps().get(t.steps().size() - 1) instanceof Traverser.AttrStep last)
        || !last.name().equals(attr)) return null;
    for (String type : types)
      if (type.equals(t.root())) return r.module.dir.resources.get(type + "." + name.name());
    return null;
  }

  private static Expr unwrap(Expr e) {
    while (true) {
      if (e instanceof Expr.Parens p) e = p.inner();
      else if (e instanceof Expr.TemplateExpr t
          && t.parts().size() == 1
          && t.parts().get(0) instanceof TemplatePart.Interpolation i) e = i.expr();
      else return e;
    }
  }

  private static boolean usesPathModule(Expr e) {
    if (e instanceof Expr.ScopeTraversal t) {
      return t.root().equals("path")
          && !t.steps().isEmpty()
          && t.steps().get(0) instanceof Traverser.AttrStep a
          && a.name().equals("module");
    }
    if (e instanceof Expr.TemplateExpr t) {
      for (TemplatePart p : t.parts())
        if (p instanceof TemplatePart.Interpolation i && usesPathModule(i.expr())) return true;
      return false;
    }
    if (e instanceof Expr.FunctionCall f)
      return f.args().stream().anyMatch(LambdaCode::usesPathModule);
    if (e instanceof Expr.Parens p) return usesPathModule(p.inner());
    if (e instanceof Expr.Binary b) return usesPathModule(b.left()) || usesPathModule(b.right());
    return false;
  }

  /** The function block's attributes with their lines. */
  private record Body(ResourceContext resource) {
    boolean has(String name) {
      return resource.block.body().attribute(name).isPresent();
    }

    Expr expr(String name) {
      return resource.block.body().attribute(name).orElseThrow().value();
    }

    List<Location> trace(String name) {
      List<Location> out = new ArrayList<>();
      resource.block.body().attribute(name).ifPresent(a -> out.add(resource.module.at(a.range())));
      return out;
    }
  }
}
