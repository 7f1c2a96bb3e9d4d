// The parser's package.json gives its types only through "exports", which the project's
// `moduleResolution: node` does not read; this points TypeScript at them.
declare module '@retorquere/bibtex-parser' {
  export * from '@retorquere/bibtex-parser/dist/types/index';
}
