/**
 * Team experiments the VALOA way: a work community gathers a situational picture, maps the
 * phenomenon and the change it wants, plans a time-boxed experiment, runs it with dated
 * observations, evaluates it against its success criteria, decides (adopt, adapt, abandon,
 * extend) and shares it. Each step is its own state type ({@link fi.kasvu.experiment.ExperimentStage}),
 * so a move the step does not allow has no method to call; {@link fi.kasvu.experiment.Experiment}
 * checks who acts and returns a typed rejection for a move in the wrong step.
 */
package fi.kasvu.experiment;
