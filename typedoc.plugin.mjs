// @ts-check
import { Comment, Converter, ReflectionKind } from "typedoc"

/**
 * TypeDoc plugin for zhibu's API reference. A Schema field with a default
 * (`Schema.optionalWith(S, { default: () => x })`) carries the options object in its type, so
 * TypeDoc finds a `default` property in a type literal of every such input and, with
 * `validation.notDocumented`, reports it as undocumented although no exported name is missing its
 * JSDoc. This gives those properties a comment, so that the validation speaks only of real names.
 *
 * @param {import("typedoc").Application} app
 */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Property)) {
      if (reflection.name === "default" && reflection.parent?.kindOf(ReflectionKind.TypeLiteral) && !reflection.hasComment()) {
        reflection.comment = new Comment([{ kind: "text", text: "The default value of an optional Schema field." }])
      }
    }
  })
}
