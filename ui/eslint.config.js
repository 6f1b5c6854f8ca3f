import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // User text is only ever rendered as text: no HTML sinks.
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "用 textContent 或 DOM 节点，不要用 innerHTML。" },
        { property: "outerHTML", message: "用 textContent 或 DOM 节点，不要用 outerHTML。" },
        { property: "insertAdjacentHTML", message: "不要插入 HTML 字符串。" },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: "不要用 document.write。" },
      ],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["eslint.config.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
