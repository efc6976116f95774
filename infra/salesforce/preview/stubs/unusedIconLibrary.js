/*
 * Icon categories accountHealth never uses (action, custom, doctype, right-to-left): an empty
 * library keeps the preview build fast. utility and standard icons come from the real templates.
 */
export default {};
