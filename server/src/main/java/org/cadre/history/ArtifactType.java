package org.cadre.history;

/** The kind of student data an agenda item brought to the table. */
public enum ArtifactType {
  ENROLLMENT, GRADES, ASSESSMENT, PARTICIPATION, ATTENDANCE, STUDENT_WORK, SURVEY, OTHER
}
