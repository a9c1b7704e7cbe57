export const TEMPLATE_DATABASE = "ilm_template";
