// Registers the sa11y matchers (toBeAccessible) for every jest test in this project.
const { setup } = require('@sa11y/jest');

setup();
