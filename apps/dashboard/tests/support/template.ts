export const TEMPLATE_DATABASE = "ilm_dashboard_template";
