declare module "handlebars/runtime.js" { const runtime: unknown; export default runtime; }
